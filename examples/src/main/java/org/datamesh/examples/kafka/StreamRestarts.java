package org.datamesh.examples.kafka;

import java.time.Duration;
import java.util.List;

/**
 * How a stream on Flink restarts after a failure: again and again while failures are rare, and
 * not at all once they come often, so that a failure that will not go away ends the stream with
 * its reason instead of restarting it forever.
 *
 * <pre>{@code
 * // at most 5 failures in any 10 minutes, 5 seconds apart; the 6th ends the stream
 * String yaml = StreamRestarts.DEFAULT.configuration();
 * }</pre>
 *
 * <p>Why: with checkpoints on and no restart strategy, Flink restarts a job without end. A stream
 * whose window commit is refused because another run committed the product meanwhile ({@code
 * ConcurrentCommitException}), or whose record path has a defect, went on restarting from its
 * last checkpoint and failing again, looking alive. Flink's failure-rate strategy keeps a stream
 * up through a TaskManager lost or a broker restarted (a failure or two), and ends it when the
 * same failure comes back a sixth time within ten minutes; the command then prints the failure's
 * reason and exits 1. A user's own {@code --flinkConfDir} or {@code --numberOfExecutionRetries}
 * decides instead ({@link #leftToUs}).
 */
record StreamRestarts(int maxFailures, Duration interval, Duration delay) {

  /** What {@code stream} uses on Flink unless told otherwise. */
  static final StreamRestarts DEFAULT =
      new StreamRestarts(5, Duration.ofMinutes(10), Duration.ofSeconds(5));

  StreamRestarts {
    if (maxFailures < 1 || interval.isNegative() || interval.isZero() || delay.isNegative()) {
      throw new IllegalArgumentException(
          "a restart policy needs at least one failure, a positive interval and a delay >= 0");
    }
  }

  /**
   * Whether the command line leaves restarts to the stream: it names neither a Flink
   * configuration folder (whose restart strategy, if any, is the user's) nor Beam's fixed number
   * of retries.
   */
  static boolean leftToUs(List<String> args) {
    return args.stream()
        .noneMatch(a -> a.startsWith("--flinkConfDir=") || a.startsWith("--numberOfExecutionRetries="));
  }

  /** The policy as lines of Flink's {@code config.yaml}. */
  String configuration() {
    return "restart-strategy.type: failure-rate\n"
        + "restart-strategy.failure-rate.max-failures-per-interval: " + maxFailures + "\n"
        + "restart-strategy.failure-rate.failure-rate-interval: " + interval.toMillis() + " ms\n"
        + "restart-strategy.failure-rate.delay: " + delay.toMillis() + " ms\n";
  }
}
