package org.datamesh.examples.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.datamesh.examples.cli.RootCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream on Flink restarts after a rare failure and ends after a failure that keeps coming back,
 * instead of restarting forever as Flink does with checkpoints on and no restart strategy.
 */
class StreamRestartsTest {

  /** The last line of an embedded stream's Flink configuration: its working folder, in a scratch one. */
  private static final String WORKING_DIR_LAST =
      "(?s).*\nprocess\\.working-dir: \".*/datamesh-flink-[^/]*\"\n";

  /** Attempts of the always-failing step, across the job's restarts (embedded Flink: one JVM). */
  private static final AtomicInteger ATTEMPTS = new AtomicInteger();

  @TempDir Path folder;

  @Test
  void aFailureThatKeepsComingBackEndsTheStreamWithItsReason() throws Exception {
    ATTEMPTS.set(0);
    StreamRestarts twice = new StreamRestarts(2, Duration.ofMinutes(1), Duration.ofMillis(100));
    Pipeline pipeline =
        Pipeline.create(
            PipelineOptionsFactory.fromArgs(
                    "--runner=FlinkRunner",
                    "--streaming=true",
                    "--parallelism=1",
                    "--checkpointingInterval=500",
                    StreamCheckpoints.scratchConfiguration(twice.configuration()))
                .create());
    pipeline.apply(Create.of(1, 2, 3)).apply(ParDo.of(new AlwaysFailsFn()));

    long start = System.nanoTime();
    // Without the policy, Flink would restart this job forever and the test would time out.
    RuntimeException ended =
        assertThrows(RuntimeException.class, () -> pipeline.run().waitUntilFinish());
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertThat(RootCause.of(ended).getMessage(), equalTo("a failure that will not go away"));
    assertThat("two failures tolerated, the third within the interval ends the job", ATTEMPTS.get(), equalTo(3));
    assertThat(seconds, lessThan(60L));
  }

  @Test
  void theDefaultToleratesFiveFailuresInTenMinutesFiveSecondsApart() {
    assertThat(
        StreamRestarts.DEFAULT.configuration(),
        equalTo(
            "restart-strategy.type: failure-rate\n"
                + "restart-strategy.failure-rate.max-failures-per-interval: 5\n"
                + "restart-strategy.failure-rate.failure-rate-interval: 600000 ms\n"
                + "restart-strategy.failure-rate.delay: 5000 ms\n"));
  }

  @Test
  void aStreamOnFlinkGetsThePolicyUnlessTheCommandLineDecidesRestarts() throws Exception {
    assertThat(
        configurationOf(List.of(StreamCommand.streamingArgs(new String[] {"--inputTopic=t"}))),
        allOf(
            startsWith(StreamRestarts.DEFAULT.configuration()),
            matchesPattern(WORKING_DIR_LAST)));
    assertThat(
        "on a cluster too: the client hands it to the job",
        configurationOf(
            List.of(StreamCommand.streamingArgs(new String[] {"--flinkMaster=localhost:8081"}))),
        equalTo(StreamRestarts.DEFAULT.configuration()));

    Path checkpoints = folder.resolve("checkpoints");
    assertThat(
        configurationOf(
            List.of(StreamCommand.streamingArgs(new String[] {"--checkpoints=" + checkpoints}))),
        allOf(
            startsWith(StreamRestarts.DEFAULT.configuration()),
            matchesPattern(WORKING_DIR_LAST)));
    Path chk = Files.createDirectories(checkpoints.resolve("job1").resolve("chk-4"));
    Files.writeString(chk.resolve("_metadata"), "x");
    String resumed =
        configurationOf(
            List.of(StreamCommand.streamingArgs(new String[] {"--checkpoints=" + checkpoints})));
    assertThat(resumed, startsWith("execution.savepoint.path: \"" + chk.toUri() + "\"\n"));
    assertThat(resumed, containsString(StreamRestarts.DEFAULT.configuration()));

    // the user's own retries or configuration decide; the Direct runner has no restarts
    List<String> retries =
        List.of(StreamCommand.streamingArgs(new String[] {"--numberOfExecutionRetries=3"}));
    assertThat(retries, not(hasItem(startsWith("--flinkConfDir="))));
    List<String> own =
        List.of(StreamCommand.streamingArgs(new String[] {"--flinkConfDir=/etc/flink"}));
    assertThat(own.stream().filter(a -> a.startsWith("--flinkConfDir=")).toList(),
        equalTo(List.of("--flinkConfDir=/etc/flink")));
    assertThat(
        List.of(StreamCommand.streamingArgs(new String[] {"--runner=DirectRunner"})),
        not(hasItem(startsWith("--flinkConfDir="))));
  }

  private static String configurationOf(List<String> args) throws Exception {
    String folder = StreamArgs.value(args, "--flinkConfDir=");
    return Files.readString(Path.of(folder).resolve("config.yaml"));
  }

  private static final class AlwaysFailsFn extends DoFn<Integer, Integer> {
    @ProcessElement
    public void process(@Element Integer value) {
      ATTEMPTS.incrementAndGet();
      throw new IllegalStateException("a failure that will not go away");
    }
  }
}
