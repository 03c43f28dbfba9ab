package org.datamesh.examples.kafka;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
  /** Read a block at a time and scanned here: a byte at a time through the streams cost more. */
  private final byte[] block = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean ended;
  /** A line's first part, when it runs past the end of the block read so far. */
  private final ByteArrayOutputStream carried = new ByteArrayOutputStream(256);
  private long number;

  private LogFileLines(InputStream in, CountingStream counted) {
    this.in = in;
    this.counted = counted;
  }

  /** Opens {@code file}, decompressing it when its name ends with {@code .gz}. */
  static LogFileLines open(Path file) throws IOException {
    CountingStream counted = new CountingStream(Files.newInputStream(file));
    try {
      InputStream in =
          file.getFileName().toString().endsWith(".gz")
              ? new GZIPInputStream(new BufferedInputStream(counted, 1 << 16), 1 << 16)
              : counted;
      return new LogFileLines(in, counted);
    } catch (IOException | RuntimeException e) {
      counted.close(); // not gzip after all, or its header cut off: the file is not left open
      throw e;
    }
  }

  /** The next line's bytes, or null at the end of the file. */
  byte[] next() throws IOException {
    carried.reset();
    boolean any = false;
    while (fill()) {
      any = true;
      int start = position;
      int end = start;
      while (end < limit && block[end] != '\n') {
        end++;
      }
      if (end < limit) {
        position = end + 1;
        number++;
        byte[] bytes;
        if (carried.size() == 0) {
          bytes = Arrays.copyOfRange(block, start, end);
        } else {
          carried.write(block, start, end - start);
          bytes = carried.toByteArray();
        }
        return withoutCarriageReturn(bytes);
      }
      carried.write(block, start, limit - start);
      position = limit;
    }
    if (!any) {
      return null;
    }
    number++;
    return withoutCarriageReturn(carried.toByteArray());
  }

  /** Whether unread bytes are in the block, reading the next block when it is used up. */
  private boolean fill() throws IOException {
    while (position == limit && !ended) {
      int n = in.read(block, 0, block.length);
      if (n < 0) {
        ended = true;
      } else {
        position = 0;
        limit = n;
      }
    }
    return position < limit;
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
