package org.datamesh.core.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Decides how each CSV file is read. A file that is small, compressed (a compressed stream cannot
 * be entered in the middle), not efficiently seekable, or delimited by a non-ASCII character is
 * read whole by one worker, as before; it goes to {@link #WHOLE} without being opened. Any other
 * file is boundary-scanned once ({@link CsvBoundaryScanner}) and its ranges go to {@link #RANGES},
 * to be spread over workers; the {@code splitRanges} counter adds them up.
 */
final class PlanCsvSplitsFn extends DoFn<FileIO.ReadableFile, CsvSplit> {

  static final TupleTag<CsvSplit> WHOLE = new TupleTag<>() {};
  static final TupleTag<CsvSplit> RANGES = new TupleTag<>() {};

  private final long splitBytes;
  private final char delimiter;
  private final Counter rangesCounter =
      Metrics.counter(RecordParsingFn.METRICS_NAMESPACE, "splitRanges");

  PlanCsvSplitsFn(long splitBytes, char delimiter) {
    this.splitBytes = splitBytes;
    this.delimiter = delimiter;
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    if (!isSplittable(file)) {
      out.get(WHOLE).output(CsvSplit.whole(file));
      return;
    }
    List<CsvRange> ranges;
    try (ReadableByteChannel channel = file.open()) {
      ranges = CsvBoundaryScanner.ranges(channel, delimiter, splitBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not scan " + file.getMetadata().resourceId(), e);
    }
    if (ranges.size() < 2) {
      out.get(WHOLE).output(CsvSplit.whole(file));
      return;
    }
    rangesCounter.inc(ranges.size());
    for (CsvRange range : ranges) {
      out.get(RANGES).output(new CsvSplit(file, range));
    }
  }

  private boolean isSplittable(FileIO.ReadableFile file) {
    MatchResult.Metadata metadata = file.getMetadata();
    return metadata.sizeBytes() > splitBytes
        && metadata.isReadSeekEfficient()
        && file.getCompression() == Compression.UNCOMPRESSED
        && CsvBoundaryScanner.isScannable(delimiter);
  }
}
