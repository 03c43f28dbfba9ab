package org.datamesh.core.parse;

/**
 * A run of whole records of one file: the bytes {@code [start, end)}, the number and line of
 * its first record, and how many records it holds. The boundary scan computes it; a worker reads
 * exactly these records, numbered as a reader of the whole file numbers them.
 */
record RecordRange(long start, long end, long firstRecordNumber, long firstLine, long recordCount) {

  RecordRange {
    if (start < 0 || end <= start || firstRecordNumber < 1 || firstLine < 1 || recordCount < 1) {
      throw new IllegalArgumentException("not a range of records: " + this);
    }
  }

  /** The error for a file that does not hold the records its scan found here: it changed. */
  IllegalStateException notFoundIn(String file) {
    return new IllegalStateException(
        file + " does not hold the records its boundary scan found in " + this
            + "; was it changed while it was read?");
  }
}
