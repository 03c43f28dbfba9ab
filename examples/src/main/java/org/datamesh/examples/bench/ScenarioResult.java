package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One scenario's outcome: the library's figure, the baseline's, their ratio against the goal, the
 * runs behind them, and whether every variant produced the expected counts.
 *
 * @param value the library's figure in the scenario's unit
 * @param baseline the baseline's figure; null for a scenario without one
 * @param ratio {@code value / baseline}; null without a baseline
 * @param countProblems every disagreement between the runs' counts and what they must be; a
 *     non-empty list makes the figures worthless, and the table says so
 * @param error why the scenario could not be measured, or null
 */
record ScenarioResult(
    Scenario scenario,
    Double value,
    Double baseline,
    Double ratio,
    RunFigures library,
    RunFigures baselineRun,
    List<String> countProblems,
    String error) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ScenarioResult failed(Scenario scenario, String error) {
    return new ScenarioResult(scenario, null, null, null, null, null, List.of(), error);
  }

  boolean met() {
    return error == null && countProblems.isEmpty() && scenario.goal.isMetBy(ratio);
  }

  ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", scenario.id);
    node.put("measure", scenario.measure);
    putNumber(node, "ratio", ratio);
    putNumber(node, "value", value);
    putNumber(node, "baseline", baseline);
    node.put("unit", scenario.unit);
    node.put("runner", describe(true));
    node.put("options", describe(false));
    node.put("goal", scenario.goal.toString());
    node.put("met", met());
    node.put("peakRssMb", library == null ? null : library.peakRssMb());
    node.put("baselinePeakRssMb", baselineRun == null ? null : baselineRun.peakRssMb());
    node.put("peakHeapMb", library == null ? null : library.peakHeapMb());
    node.put("baselinePeakHeapMb", baselineRun == null ? null : baselineRun.peakHeapMb());
    node.put("records", library == null ? null : library.size());
    node.put("countsAgree", error == null && countProblems.isEmpty());
    countProblems.forEach(node.putArray("countProblems")::add);
    if (error != null) {
      node.put("error", error);
    }
    ObjectNode runs = node.putObject("runs");
    if (library != null) {
      runs.set("library", library.toJson());
    }
    if (baselineRun != null) {
      runs.set("baseline", baselineRun.toJson());
    }
    return node;
  }

  /** "library vs baseline" runners or options, so each row states what ran where. */
  private String describe(boolean runner) {
    if (library == null) {
      return "";
    }
    String lib = runner ? library.kind().runner : withJvm(library);
    if (baselineRun == null) {
      return lib;
    }
    String base = runner ? baselineRun.kind().runner : withJvm(baselineRun);
    return lib + " vs " + base;
  }

  private static String withJvm(RunFigures run) {
    return run.kind().options()
        + (run.jvmArgs().isEmpty() ? "" : "; JVM " + String.join(" ", run.jvmArgs()))
        + (run.stream() == null ? "" : "; " + run.stream().describe());
  }

  private static void putNumber(ObjectNode node, String name, Double number) {
    if (number == null || number.isNaN() || number.isInfinite()) {
      node.putNull(name);
    } else {
      node.put(name, number);
    }
  }
}
