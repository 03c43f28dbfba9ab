package org.datamesh.examples.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.jupiter.api.Test;

/** What the command line adds to the options given: the default runner, Flink's fasterCopy. */
class OptionsTest {

  @Test
  void embeddedFlinkIsTheDefaultAndSkipsItsDefensiveCopies() throws Exception {
    PipelineOptions options = Options.parse(new String[0], PipelineOptions.class);

    assertThat(options.getRunner().getSimpleName(), equalTo("FlinkRunner"));
    assertThat(options.as(FlinkPipelineOptions.class).getFasterCopy(), is(true));
  }

  @Test
  void fasterCopyAsGivenWinsAndTheDirectRunnerIsLeftAlone() throws Exception {
    PipelineOptions off =
        Options.parse(new String[] {"--fasterCopy=false"}, PipelineOptions.class);
    PipelineOptions direct =
        Options.parse(new String[] {"--runner=DirectRunner"}, PipelineOptions.class);

    assertThat(off.as(FlinkPipelineOptions.class).getFasterCopy(), is(false));
    assertThat(direct.getRunner().getSimpleName(), equalTo("DirectRunner"));
    assertThat(direct.as(FlinkPipelineOptions.class).getFasterCopy(), is(false));
  }
}
