package org.datamesh.core.parse;

import org.apache.beam.sdk.io.FileIO;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What one worker parses: a whole file ({@code range} null) or one range of its records. */
record FileSplit(FileIO.ReadableFile file, @Nullable RecordRange range) {

  static FileSplit whole(FileIO.ReadableFile file) {
    return new FileSplit(file, null);
  }
}
