package org.datamesh.examples.demo;

import org.datamesh.core.failure.Stage;

/** A defect the sample generator injects, how often, and the stage that must catch it. */
enum Defect {
  WRONG_COLUMN_COUNT(0.010, Stage.PARSE),
  UNPARSEABLE_AMOUNT(0.005, Stage.PARSE),
  INVALID_UTF8(0.003, Stage.PARSE),
  EMPTY_LINE(0.002, Stage.PARSE),
  NEGATIVE_AMOUNT(0.010, Stage.VALIDATE),
  MISSING_CUSTOMER(0.005, Stage.VALIDATE),
  UNKNOWN_STATUS(0.005, Stage.VALIDATE),
  UNREADABLE_TIMESTAMP(0.005, Stage.STANDARDIZE),
  UNKNOWN_CURRENCY(0.003, Stage.STANDARDIZE);

  /** The share of orders that get this defect. */
  final double rate;

  /** The stage that quarantines a record with this defect. */
  final Stage stage;

  Defect(double rate, Stage stage) {
    this.rate = rate;
    this.stage = stage;
  }
}
