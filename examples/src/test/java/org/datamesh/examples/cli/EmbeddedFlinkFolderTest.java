package org.datamesh.examples.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded Flink gets a working folder inside a scratch folder of the command's, and nothing
 * changes where the user configures Flink or runs elsewhere. That the scratch folder is gone once
 * the command exits is checked on a real command in {@code RunCommandIT}.
 */
class EmbeddedFlinkFolderTest {

  @TempDir Path userConf;

  @Test
  void anEmbeddedRunKeepsItsWorkingFilesInTheScratchFolder() throws Exception {
    PipelineOptions options = Options.parse(new String[] {"--parallelism=1"}, PipelineOptions.class);
    EmbeddedFlinkFolder.use(options);

    String confDir = options.as(FlinkPipelineOptions.class).getFlinkConfDir();
    Path scratch = Path.of(confDir);
    assertThat(scratch.getFileName().toString(), startsWith("datamesh-flink-"));
    assertThat(
        Files.readString(scratch.resolve("config.yaml")),
        equalTo("process.working-dir: \"" + scratch.resolve("work") + "\"\n"));

    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(Create.of(1, 2, 3)).apply(Count.globally());
    assertThat(pipeline.run().waitUntilFinish(), is(PipelineResult.State.DONE));
    // Flink made its cluster's working folder where the configuration said.
    try (Stream<Path> work = Files.list(scratch.resolve("work"))) {
      List<String> names = work.map(p -> p.getFileName().toString()).toList();
      assertThat(names.stream().map(n -> n.replaceAll("_.*", "_")).toList(), hasItem("minicluster_"));
    }
  }

  @Test
  void theUsersConfigurationAClusterAndOtherRunnersAreLeftAlone() throws Exception {
    PipelineOptions own =
        Options.parse(new String[] {"--flinkConfDir=" + userConf}, PipelineOptions.class);
    EmbeddedFlinkFolder.use(own);
    assertThat(own.as(FlinkPipelineOptions.class).getFlinkConfDir(), equalTo(userConf.toString()));

    PipelineOptions cluster =
        Options.parse(new String[] {"--flinkMaster=localhost:8081"}, PipelineOptions.class);
    EmbeddedFlinkFolder.use(cluster);
    assertThat(cluster.as(FlinkPipelineOptions.class).getFlinkConfDir(), nullValue());

    PipelineOptions direct =
        Options.parse(new String[] {"--runner=DirectRunner"}, PipelineOptions.class);
    EmbeddedFlinkFolder.use(direct);
    assertThat(direct.as(FlinkPipelineOptions.class).getFlinkConfDir(), nullValue());
  }
}
