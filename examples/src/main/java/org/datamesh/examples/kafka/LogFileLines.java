package org.datamesh.examples.kafka;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A log file's lines as the bytes the file holds, without their line ending ({@code \n} or {@code
 * \r\n}), numbered from 1; a {@code .gz} file is decompressed. Bytes are never decoded, so a line
 * that is not valid UTF-8 travels as it is and the product that reads the topic decides (it
 * quarantines such a record with its reason). A last line without a line ending is a line; the
 * empty string after a final line ending is not.
 *
 * <pre>{@code
 * try (LogFileLines lines = LogFileLines.open(Path.of("server.log"))) {
 *   for (byte[] line = lines.next(); line != null; line = lines.next()) {
 *     send(lines.number(), line);
 *   }
 * }
 * }</pre>
 */
final class LogFileLines implements AutoCloseable {

  private final InputStream in;
  private final CountingStream counted;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private long number;

  private LogFileLines(InputStream in, CountingStream counted) {
    this.in = in;
    this.counted = counted;
  }

  /** Opens {@code file}, decompressing it when its name ends with {@code .gz}. */
  static LogFileLines open(Path file) throws IOException {
    CountingStream counted = new CountingStream(Files.newInputStream(file));
    InputStream buffered = new BufferedInputStream(counted, 1 << 16);
    InputStream in =
        file.getFileName().toString().endsWith(".gz")
            ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
            : buffered;
    return new LogFileLines(in, counted);
  }

  /** The next line's bytes, or null at the end of the file. */
  byte[] next() throws IOException {
    line.reset();
    int b;
    boolean any = false;
    while ((b = in.read()) != -1) {
      any = true;
      if (b == '\n') {
        number++;
        return withoutCarriageReturn(line.toByteArray());
      }
      line.write(b);
    }
    if (!any) {
      return null;
    }
    number++;
    return withoutCarriageReturn(line.toByteArray());
  }

  /** The number of the line {@link #next} returned last, from 1. */
  long number() {
    return number;
  }

  /** Bytes read from the file so far (compressed bytes for a {@code .gz} file). */
  long bytesRead() {
    return counted.count;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private static byte[] withoutCarriageReturn(byte[] bytes) {
    if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      byte[] shorter = new byte[bytes.length - 1];
      System.arraycopy(bytes, 0, shorter, 0, shorter.length);
      return shorter;
    }
    return bytes;
  }

  /** Counts the bytes read through it, for progress on long files. */
  private static final class CountingStream extends java.io.FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
