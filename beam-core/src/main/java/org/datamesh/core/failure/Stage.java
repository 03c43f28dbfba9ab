package org.datamesh.core.failure;

/** The stage of a data product's flow at which a record failed. */
public enum Stage {
  /** The raw record could not be turned into a typed row. */
  PARSE,
  /** The row broke an ERROR-severity rule. */
  VALIDATE,
  /** The row could not be put into canonical form (unknown time format, unknown currency). */
  STANDARDIZE,
  /** A protected field could not be protected. */
  PROTECT,
  /** The row could not be written to an output port. */
  PUBLISH
}
