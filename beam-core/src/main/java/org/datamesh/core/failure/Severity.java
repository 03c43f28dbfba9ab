package org.datamesh.core.failure;

/** How much a broken rule matters: an ERROR quarantines the record, a WARN publishes it and counts. */
public enum Severity {
  ERROR,
  WARN
}
