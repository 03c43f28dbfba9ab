package org.datamesh.core.parse;

import org.apache.beam.sdk.io.FileIO;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What one worker parses: a whole CSV file ({@code range} null) or one range of its records. */
record CsvSplit(FileIO.ReadableFile file, @Nullable CsvRange range) {

  static CsvSplit whole(FileIO.ReadableFile file) {
    return new CsvSplit(file, null);
  }
}
