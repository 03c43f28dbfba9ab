package org.datamesh.core.parse;

import java.io.IOException;
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
 * Decides how each file is read. A file that is small, compressed (a compressed stream cannot be
 * entered in the middle), not efficiently seekable, or of a format that cannot be scanned as bytes
 * is read whole by one worker, as before; it goes to {@link #WHOLE} without being opened, as does a
 * file whose scan fails to read it (the reader then quarantines it with the reason). Any other
 * file is boundary-scanned once ({@link BoundaryScanner}) and its ranges go to {@link #RANGES}, to
 * be spread over workers; the {@code splitRanges} counter adds them up.
 */
final class PlanSplitsFn extends DoFn<FileIO.ReadableFile, FileSplit> {

  static final TupleTag<FileSplit> WHOLE = new TupleTag<>() {};
  static final TupleTag<FileSplit> RANGES = new TupleTag<>() {};

  private final long splitBytes;
  private final BoundaryScanner.Factory scanner;
  private final boolean header;
  private final boolean scannable;
  private final Counter rangesCounter =
      Metrics.counter(RecordParsingFn.METRICS_NAMESPACE, "splitRanges");

  /**
   * Plans files whose records {@code scanner} finds ({@code header}: the first record is a header);
   * with {@code scannable} false, every file is read whole.
   */
  PlanSplitsFn(
      long splitBytes, BoundaryScanner.Factory scanner, boolean header, boolean scannable) {
    this.splitBytes = splitBytes;
    this.scanner = scanner;
    this.header = header;
    this.scannable = scannable;
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    if (!isSplittable(file)) {
      out.get(WHOLE).output(FileSplit.whole(file));
      return;
    }
    List<RecordRange> ranges;
    try (ReadableByteChannel channel = file.open()) {
      ranges = scanner.open(channel).ranges(splitBytes, header).orElse(List.of());
    } catch (IOException e) {
      // The single reader meets the same error and quarantines the file with parse.read, saying
      // why, instead of failing the run here.
      ranges = List.of();
    }
    if (ranges.size() < 2) {
      out.get(WHOLE).output(FileSplit.whole(file));
      return;
    }
    rangesCounter.inc(ranges.size());
    for (RecordRange range : ranges) {
      out.get(RANGES).output(new FileSplit(file, range));
    }
  }

  private boolean isSplittable(FileIO.ReadableFile file) {
    MatchResult.Metadata metadata = file.getMetadata();
    return scannable
        && metadata.sizeBytes() > splitBytes
        && metadata.isReadSeekEfficient()
        && file.getCompression() == Compression.UNCOMPRESSED;
  }
}
