package org.datamesh.core.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.ReadableFileCoder;

/** Encodes a {@link FileSplit}: the file as Beam encodes it, then the range's numbers, if any. */
final class FileSplitCoder extends CustomCoder<FileSplit> {

  private static final FileSplitCoder INSTANCE = new FileSplitCoder();
  private static final ReadableFileCoder FILE = ReadableFileCoder.of();
  private static final BooleanCoder FLAG = BooleanCoder.of();
  private static final VarLongCoder NUMBER = VarLongCoder.of();

  static FileSplitCoder of() {
    return INSTANCE;
  }

  private FileSplitCoder() {}

  @Override
  public void encode(FileSplit split, OutputStream out) throws IOException {
    FILE.encode(split.file(), out);
    RecordRange range = split.range();
    FLAG.encode(range != null, out);
    if (range != null) {
      NUMBER.encode(range.start(), out);
      NUMBER.encode(range.end(), out);
      NUMBER.encode(range.firstRecordNumber(), out);
      NUMBER.encode(range.firstLine(), out);
      NUMBER.encode(range.recordCount(), out);
    }
  }

  @Override
  public FileSplit decode(InputStream in) throws IOException {
    FileSplit whole = FileSplit.whole(FILE.decode(in));
    if (!FLAG.decode(in)) {
      return whole;
    }
    return new FileSplit(
        whole.file(),
        new RecordRange(
            NUMBER.decode(in),
            NUMBER.decode(in),
            NUMBER.decode(in),
            NUMBER.decode(in),
            NUMBER.decode(in)));
  }
}
