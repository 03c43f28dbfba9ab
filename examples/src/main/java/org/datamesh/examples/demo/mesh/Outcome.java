package org.datamesh.examples.demo.mesh;

import org.datamesh.core.failure.Stage;

/**
 * What a correct pipeline makes of a defective record: quarantined at {@code stage} by {@code
 * rule}, or, for a {@code warning}, published and counted under {@code rule}.
 */
record Outcome(Stage stage, String rule, boolean warning) {

  static Outcome quarantined(Stage stage, String rule) {
    return new Outcome(stage, rule, false);
  }

  static Outcome warned(String rule) {
    return new Outcome(Stage.VALIDATE, rule, true);
  }
}
