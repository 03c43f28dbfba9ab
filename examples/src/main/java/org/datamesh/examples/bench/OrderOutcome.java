package org.datamesh.examples.bench;

import java.util.List;

/**
 * What became of one record in the baselines: a clean order, or the stage that rejected it and the
 * rules it broke; plus the WARN rules a record that passed validation broke (counted even when a
 * later stage rejects it, as the library counts them).
 */
record OrderOutcome(CleanOrder order, String failedStage, List<String> failedRules, List<String> warnings) {

  static OrderOutcome clean(CleanOrder order, List<String> warnings) {
    return new OrderOutcome(order, null, List.of(), warnings);
  }

  static OrderOutcome failed(String stage, List<String> rules, List<String> warnings) {
    return new OrderOutcome(null, stage, rules, warnings);
  }

  boolean isClean() {
    return order != null;
  }
}
