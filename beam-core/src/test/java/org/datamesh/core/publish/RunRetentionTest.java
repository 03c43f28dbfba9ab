package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.product.RunId;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class RunRetentionTest {

  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @TempDir Path out;

  static String runStartedAgo(Duration age, String suffix) {
    return STAMP.format(Instant.now().minus(age)) + "-" + suffix;
  }

  private static Path fabricate(Path productDir, String folder, String file) throws IOException {
    Path path = productDir.resolve(folder).resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, "x");
    return path;
  }

  private static void publish(Pipeline p, Path out, String runId, Duration retention) {
    PCollection<Row> rows =
        p.apply(
            "Rows",
            Create.of(PartitionedPublicationTest.row("A1", "DE", "2024-03-05", "1.00"))
                .withRowSchema(PartitionedPublicationTest.SCHEMA));
    ProductRecords.of(
            p.apply("Input", Create.of(1L)),
            rows,
            p.apply("NoFailures", Create.empty(TypeDescriptor.of(Failure.class))),
            p.apply("NoDuplicates", Create.empty(PartitionedPublicationTest.SCHEMA)))
        .apply(
            PublishDataProduct.of(PartitionedPublicationTest.PRODUCT)
                .to(out.toString())
                .withRunId(runId)
                .withPartitionKeys(List.of("country"))
                .withRetention(retention));
  }

  @Test
  void removesOldUnreferencedRunsAndKeepsYoungAndCommittedOnes(TestPipeline pipeline)
      throws Exception {
    Path productDir = out.resolve("sales/orders");
    String old = runStartedAgo(Duration.ofDays(40), "0a0a0a");
    String young = runStartedAgo(Duration.ofDays(2), "0b0b0b");
    fabricate(productDir, "runs/" + old + "/country=DE", "part-00000-of-00001.parquet");
    fabricate(productDir, "quarantine/" + old, "part-00000-of-00001.parquet");
    fabricate(productDir, "quality/" + old, "report.json");
    fabricate(productDir, "runs/" + young, "part-00000-of-00001.parquet");
    fabricate(productDir, "quarantine/" + young, "part-00000-of-00001.parquet");
    Path handNamedOld = fabricate(productDir, "runs/backfill-1", "part-00000-of-00001.parquet");
    Files.setLastModifiedTime(handNamedOld, FileTime.from(Instant.now().minus(Duration.ofDays(90))));
    fabricate(productDir, "runs/backfill-2", "part-00000-of-00001.parquet");
    // The committed run's id is older than the retention: being committed is what keeps it.
    String committed = runStartedAgo(Duration.ofDays(39), "0c0c0c");

    publish(pipeline, out, committed, Duration.ofDays(30));
    pipeline.run().waitUntilFinish();

    assertThat(
        folders(productDir, "runs"), containsInAnyOrder(young, "backfill-2", committed));
    assertThat(folders(productDir, "quarantine"), containsInAnyOrder(young, committed));
    assertThat(folders(productDir, "quality"), equalTo(List.of()));
    Manifest manifest = Manifest.read(productDir);
    assertThat(manifest.runId(), equalTo(committed));
    for (String file : manifest.files()) {
      assertThat(file + " is still there", Files.exists(productDir.resolve(file)), is(true));
    }
  }

  @Test
  void runsStartedAfterTheCommittedOneOrStillWritingAreKept(TestPipeline pipeline)
      throws Exception {
    Path productDir = out.resolve("sales/orders");
    String committed = runStartedAgo(Duration.ofDays(50), "0e0e0e");
    String later = runStartedAgo(Duration.ofDays(45), "0f0f0f");
    String writing = runStartedAgo(Duration.ofDays(60), "0a0b0c");
    String old = runStartedAgo(Duration.ofDays(60), "0c0b0a");
    fabricate(productDir, "runs/" + later, "part-00000-of-00001.parquet");
    fabricate(productDir, "runs/" + writing + "/.temp-beam-1234", "part-0.parquet");
    fabricate(productDir, "runs/" + old, "part-00000-of-00001.parquet");

    publish(pipeline, out, committed, Duration.ofDays(30));
    pipeline.run().waitUntilFinish();

    assertThat(folders(productDir, "runs"), containsInAnyOrder(committed, later, writing));
  }

  @Test
  void anOldRunFolderLinkedOutsideTheProductIsLeftAlone(TestPipeline pipeline) throws Exception {
    Path productDir = out.resolve("sales/orders");
    Path elsewhere = Files.createDirectories(out.resolve("elsewhere"));
    Path precious = Files.writeString(elsewhere.resolve("precious.parquet"), "keep me");
    String linked = runStartedAgo(Duration.ofDays(60), "0d0e0f");
    Files.createDirectories(productDir.resolve("runs"));
    Files.createSymbolicLink(productDir.resolve("runs").resolve(linked), elsewhere);
    String committed = runStartedAgo(Duration.ofDays(1), "0f0e0d");

    publish(pipeline, out, committed, Duration.ofDays(30));
    pipeline.run().waitUntilFinish();

    assertThat(Files.readString(precious), equalTo("keep me"));
    assertThat(folders(productDir, "runs"), containsInAnyOrder(committed, linked));
  }

  @Test
  void aSupersededVersionIsAgedFromWhenItWasSupersededNotFromItsStart() throws Exception {
    Path productDir = out.resolve("sales/orders");
    // Started 3 h ago, an hour past the retention: on main it was removed the moment the next
    // commit superseded it, under any reader that had just read its manifest.
    String first = runStartedAgo(Duration.ofHours(3), "0d0d0d");
    Pipeline p1 = Pipeline.create(PipelineOptionsFactory.create());
    publish(p1, out, first, Duration.ofHours(1));
    p1.run().waitUntilFinish();
    Manifest firstManifest = Manifest.read(productDir);

    String second = RunId.generate();
    Pipeline p2 = Pipeline.create(PipelineOptionsFactory.create());
    publish(p2, out, second, Duration.ofHours(1));
    Instant beforeSecond = Instant.now();
    p2.run().waitUntilFinish();

    assertThat(folders(productDir, "runs"), containsInAnyOrder(first, second));
    for (String file : firstManifest.files()) {
      assertThat(file + " is still there", Files.exists(productDir.resolve(file)), is(true));
    }
    Manifest inForce = Manifest.read(productDir);
    assertThat(inForce.superseded().size(), equalTo(1));
    assertThat(inForce.superseded().get(0).runId(), equalTo(first));
    Instant supersededAt = Instant.parse(inForce.superseded().get(0).supersededAt());
    assertThat(supersededAt.isBefore(beforeSecond), is(false));

    RetentionRules rules =
        new RetentionRules(Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofDays(2));
    ResourceId dir = FileSystems.matchNewResource(productDir.toString(), true);
    assertThat(
        "59 minutes after it was superseded",
        RunRetention.sweep(dir, inForce, rules, supersededAt.plus(Duration.ofMinutes(59))),
        equalTo(List.of()));
    assertThat(
        "61 minutes after",
        RunRetention.sweep(dir, inForce, rules, supersededAt.plus(Duration.ofMinutes(61))),
        contains("runs/" + first, "quarantine/" + first));
    assertThat(folders(productDir, "runs"), containsInAnyOrder(second));
  }

  @Test
  void aRetentionOfZeroStillKeepsASupersededVersionForTheReaderGrace() throws Exception {
    Path productDir = out.resolve("sales/orders");
    Manifest manifest =
        Manifest.of(
            PartitionedPublicationTest.PRODUCT, "now-run", "2026-12-01T10:00:00Z", List.of(),
            List.of(new Manifest.Superseded("old-run", "2026-12-01T10:00:00Z")));
    fabricate(productDir, "runs/old-run", "part-00000-of-00001.parquet");
    ResourceId dir = FileSystems.matchNewResource(productDir.toString(), true);
    RetentionRules rules = new RetentionRules(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(2));
    Instant superseded = Instant.parse("2026-12-01T10:00:00Z");

    assertThat(
        RunRetention.sweep(dir, manifest, rules, superseded.plus(Duration.ofMinutes(59))),
        equalTo(List.of()));
    assertThat(
        RunRetention.sweep(dir, manifest, rules, superseded.plus(Duration.ofMinutes(61))),
        contains("runs/old-run"));
  }

  @Test
  void anOutputPathWithGlobCharactersIsSweptAndNothingBesideTheProductIsTouched(
      TestPipeline pipeline) throws Exception {
    // On main the sweep matched <root>/runs/** as a glob: "[", "{", "*" and "?" in the path made
    // it match nothing (or something else), and old runs stayed forever.
    Path root = out.resolve("lake [eu] {a,b} *?");
    Path productDir = root.resolve("sales/orders");
    String old = runStartedAgo(Duration.ofDays(40), "0a0a0a");
    fabricate(productDir, "runs/" + old, "part-00000-of-00001.parquet");
    fabricate(productDir, "quarantine/" + old, "part-00000-of-00001.parquet");
    // What a glob of the path could also match: a sibling output and a sibling product.
    Path sibling = fabricate(out.resolve("lake e a"), "sales/orders/runs/" + old, "x.parquet");
    Path otherProduct = fabricate(root.resolve("sales/orders2"), "runs/" + old, "x.parquet");
    String committed = runStartedAgo(Duration.ofDays(1), "0c0c0c");

    publish(pipeline, root, committed, Duration.ofDays(30));
    pipeline.run().waitUntilFinish();

    assertThat(folders(productDir, "runs"), containsInAnyOrder(committed));
    assertThat(folders(productDir, "quarantine"), containsInAnyOrder(committed));
    assertThat(Files.exists(sibling), is(true));
    assertThat(Files.exists(otherProduct), is(true));
  }

  @Test
  void aKilledRunsTemporaryFilesGoOnceOlderThanTheLongestRunAndNoEmptyTempFolderStays(
      TestPipeline pipeline) throws Exception {
    Path productDir = out.resolve("sales/orders");
    String killed = runStartedAgo(Duration.ofDays(60), "0a0b0c");
    Path temporary =
        fabricate(productDir, "runs/" + killed + "/orders/.temp-beam/abc", "part-0.parquet");
    Files.setLastModifiedTime(temporary, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
    String committed = runStartedAgo(Duration.ofDays(1), "0c0c0c");

    publish(pipeline, out, committed, Duration.ofDays(30));
    pipeline.run().waitUntilFinish();

    // On main a temporary file kept its run forever, and each run kept an empty .temp-beam.
    assertThat(folders(productDir, "runs"), containsInAnyOrder(committed));
    try (Stream<Path> all = Files.walk(productDir)) {
      assertThat(
          all.map(p -> productDir.relativize(p).toString())
              .filter(p -> p.contains(".temp-beam"))
              .toList(),
          equalTo(List.of()));
    }
  }

  @Test
  void readsTheStartOfARunFromItsId() {
    assertThat(
        RunId.startedAt("20261121T053012Z-9f3a1c"),
        equalTo(java.util.Optional.of(Instant.parse("2026-11-21T05:30:12Z"))));
    assertThat(RunId.startedAt("nightly").isPresent(), is(false));
    assertThat(RunId.startedAt("20261399T053012Z").isPresent(), is(false));
  }

  private static List<String> folders(Path productDir, String kind) throws IOException {
    Path dir = productDir.resolve(kind);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.map(c -> c.getFileName().toString()).sorted().toList();
    }
  }
}
