package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.datamesh.core.product.RunId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers going by the manifest while runs commit one after another with retention on: every file
 * a reader was sent to is there when it reads it. On main, with the runs' ids older than the
 * retention, each commit deleted the version it had just superseded under its readers.
 */
class ReadersDuringRetentionTest {

  @TempDir Path out;

  @Test
  void aReaderNeverMissesAFileOfTheManifestItRead() throws Exception {
    Path productDir = out.resolve("sales/items");
    AtomicBoolean committing = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    List<String> missing = Collections.synchronizedList(new ArrayList<>());
    ExecutorService reader = Executors.newSingleThreadExecutor();
    Future<?> reading =
        reader.submit(
            () -> {
              while (committing.get()) {
                if (!Files.exists(productDir.resolve(Manifest.FILE_NAME))) {
                  Thread.sleep(20);
                  continue;
                }
                Manifest manifest = Manifest.read(productDir);
                Thread.sleep(150); // a query's planning, well inside the grace
                for (String file : manifest.files()) {
                  try {
                    Files.readAllBytes(productDir.resolve(file));
                  } catch (NoSuchFileException e) {
                    missing.add(manifest.runId() + ": " + file);
                  }
                }
                reads.incrementAndGet();
              }
              return null;
            });
    try {
      for (int i = 0; i < 6; i++) {
        // Ids stamped an hour ago: past the retention the moment they are written.
        String runId =
            RunRetentionTest.runStartedAgo(Duration.ofHours(1), String.format("%06d", i));
        Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
        PublishDataProductTest.records(pipeline, 5)
            .apply(
                PublishDataProduct.of(PublishDataProductTest.PRODUCT)
                    .to(out.toString())
                    .withRunId(runId)
                    .withRetention(Duration.ZERO)
                    .withReaderGrace(Duration.ofSeconds(30)));
        pipeline.run().waitUntilFinish();
      }
    } finally {
      committing.set(false);
      reading.get(30, TimeUnit.SECONDS);
      reader.shutdownNow();
    }

    assertThat(missing, equalTo(List.of()));
    assertThat(reads.get(), greaterThan(5));
    assertThat(Manifest.read(productDir).superseded().size(), equalTo(5));
  }

  @Test
  void withoutAGraceTheSupersededVersionGoesAtOnce() throws Exception {
    // The rule's other side: a grace of zero and a retention of zero remove it in the commit.
    Path productDir = out.resolve("sales/items");
    String first = RunRetentionTest.runStartedAgo(Duration.ofHours(1), "aaaaaa");
    String second = RunId.generate();
    for (String runId : List.of(first, second)) {
      Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
      PublishDataProductTest.records(pipeline, 5)
          .apply(
              PublishDataProduct.of(PublishDataProductTest.PRODUCT)
                  .to(out.toString())
                  .withRunId(runId)
                  .withRetention(Duration.ZERO)
                  .withReaderGrace(Duration.ZERO));
      pipeline.run().waitUntilFinish();
    }
    assertThat(Files.exists(productDir.resolve("runs/" + first)), equalTo(false));
    assertThat(Files.exists(productDir.resolve("runs/" + second)), equalTo(true));
  }
}
