package org.datamesh.examples.contract;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a run's parse step is under way, read from the log of a {@link RunProcess} started with
 * {@link #LOGGING}: embedded Flink then logs every switch of every task, such as
 *
 * <pre>{@code
 * ... FlatMap (FlatMap at Product/Build/Records/ParseRecords) (2/2) (9f..._1_0) switched from
 * INITIALIZING to RUNNING.
 * }</pre>
 *
 * <p>The step is under way from the first of its parallel tasks switching to {@code RUNNING} until
 * the last switches to {@code FINISHED}. Flink logs a switch just after it happens, so this is
 * precise to a few milliseconds; enough when parsing a large input lasts a second or more.
 */
final class ParseStep {

  /** The system property that makes a run log its Flink tasks' switches. */
  static final Map<String, String> LOGGING =
      Map.of(
          "org.slf4j.simpleLogger.log.org.apache.flink.runtime.executiongraph.ExecutionGraph",
          "info");

  private static final Pattern SWITCH =
      Pattern.compile(
          "FlatMap at Product/Build/Records/ParseRecords\\) \\((\\d+)/(\\d+)\\) \\(\\S+\\)"
              + " switched from \\w+ to (RUNNING|FINISHED)\\.");

  private ParseStep() {}

  /** Whether {@code log} shows the parse step started and not yet finished by all its tasks. */
  static boolean underWay(String log) {
    Set<String> running = new HashSet<>();
    Set<String> finished = new HashSet<>();
    int tasks = 0;
    Matcher matcher = SWITCH.matcher(log);
    while (matcher.find()) {
      tasks = Integer.parseInt(matcher.group(2));
      (matcher.group(3).equals("RUNNING") ? running : finished).add(matcher.group(1));
    }
    return !running.isEmpty() && finished.size() < tasks;
  }
}
