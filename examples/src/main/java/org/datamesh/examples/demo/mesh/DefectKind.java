package org.datamesh.examples.demo.mesh;

/** A kind of defect the mesh generator injects into its source files. */
public enum DefectKind {
  /** A required value left empty. */
  MISSING,
  /** A value that cannot be read as its type (an impossible date, a word for a number). */
  MALFORMED,
  /** A value of the right type outside the contract's range. */
  OUT_OF_RANGE,
  /** A record sent again: an older version of a record, or an exact copy. */
  DUPLICATE,
  /** A reference to a record that does not exist (an unknown customer, an unknown order). */
  ORPHAN,
  /** A byte that is not UTF-8 inside a text value. */
  BAD_ENCODING,
  /** A log line that is not a request line (a stack trace's line). */
  UNPARSEABLE_LOG
}
