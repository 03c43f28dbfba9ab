package org.datamesh.core.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.ReadableFileCoder;

/** Encodes a {@link CsvSplit}: the file as Beam encodes it, then the range's numbers, if any. */
final class CsvSplitCoder extends CustomCoder<CsvSplit> {

  private static final CsvSplitCoder INSTANCE = new CsvSplitCoder();
  private static final ReadableFileCoder FILE = ReadableFileCoder.of();
  private static final BooleanCoder FLAG = BooleanCoder.of();
  private static final VarLongCoder NUMBER = VarLongCoder.of();

  static CsvSplitCoder of() {
    return INSTANCE;
  }

  private CsvSplitCoder() {}

  @Override
  public void encode(CsvSplit split, OutputStream out) throws IOException {
    FILE.encode(split.file(), out);
    CsvRange range = split.range();
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
  public CsvSplit decode(InputStream in) throws IOException {
    CsvSplit whole = CsvSplit.whole(FILE.decode(in));
    if (!FLAG.decode(in)) {
      return whole;
    }
    return new CsvSplit(
        whole.file(),
        new CsvRange(
            NUMBER.decode(in),
            NUMBER.decode(in),
            NUMBER.decode(in),
            NUMBER.decode(in),
            NUMBER.decode(in)));
  }
}
