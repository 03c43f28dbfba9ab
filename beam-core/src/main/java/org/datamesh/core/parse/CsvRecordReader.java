package org.datamesh.core.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.function.Consumer;
import org.apache.beam.sdk.schemas.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the records of a CSV file, or of one {@link RecordRange} of it, into {@link ParseOutcome}s
 * numbered and positioned exactly as a reader of the whole file gives them.
 */
final class CsvRecordReader implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(CsvRecordReader.class);

  private final Schema schema;
  private final String product;
  private final char delimiter;
  private final int maxRecordChars;

  CsvRecordReader(Schema schema, String product, char delimiter, int maxRecordChars) {
    this.schema = schema;
    this.product = product;
    this.delimiter = delimiter;
    this.maxRecordChars = maxRecordChars;
  }

  /** Reads every record of a file from its start; the first record is the header. */
  void readWhole(ReadableByteChannel file, String name, Consumer<ParseOutcome> out)
      throws IOException {
    try (Reader reader = Utf8Text.reader(Channels.newInputStream(file))) {
      CsvTokenizer tokenizer = new CsvTokenizer(reader, delimiter, maxRecordChars);
      CsvRecord header = tokenizer.next();
      if (header == null) {
        return;
      }
      CsvHeader columns = CsvHeader.of(schema, header);
      logMismatch(name, columns);
      long recordNumber = 0;
      for (CsvRecord record = tokenizer.next(); record != null; record = tokenizer.next()) {
        recordNumber++;
        out.accept(columns.toOutcome(record, name, recordNumber, product));
      }
    }
  }

  /**
   * Reads the records of {@code range}: the header from the file's start, then the range's bytes
   * alone, so the last record read is the range's last.
   *
   * @throws IllegalStateException if the range does not hold the records the scan found in it,
   *     which means the file changed after it was scanned
   */
  void readRange(SeekableByteChannel file, String name, RecordRange range, Consumer<ParseOutcome> out)
      throws IOException {
    // Not closed: closing the reader would close the channel, which is read again below.
    Reader headerReader = Utf8Text.reader(Channels.newInputStream(file));
    CsvRecord header = new CsvTokenizer(headerReader, delimiter, maxRecordChars).next();
    if (header == null) {
      throw range.notFoundIn(name);
    }
    CsvHeader columns = CsvHeader.of(schema, header);
    if (range.firstRecordNumber() == 1) {
      logMismatch(name, columns);
    }
    InputStream bytes = LimitedInputStream.rangeOf(file, range);
    try (Reader reader = Utf8Text.readerInsideFile(bytes)) {
      CsvTokenizer tokenizer =
          new CsvTokenizer(reader, delimiter, maxRecordChars, range.firstLine());
      long recordNumber = range.firstRecordNumber();
      for (CsvRecord record = tokenizer.next(); record != null; record = tokenizer.next()) {
        if (recordNumber - range.firstRecordNumber() >= range.recordCount()) {
          throw range.notFoundIn(name);
        }
        out.accept(columns.toOutcome(record, name, recordNumber, product));
        recordNumber++;
      }
      if (recordNumber - range.firstRecordNumber() != range.recordCount()) {
        throw range.notFoundIn(name);
      }
    }
  }

  /** Logs, once a file, the header's columns that are not published and fields it lacks. */
  private static void logMismatch(String name, CsvHeader columns) {
    String mismatch = columns.describeMismatch();
    if (mismatch != null) {
      LOG.warn("{}: the header has {}", name, mismatch);
    }
  }
}
