package org.datamesh.examples.demo.mesh;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file written line by line, in UTF-8, through a small buffer: nothing but the current line is
 * held. A line holding {@link #BAD_BYTE} is written with a byte that is not UTF-8 (0xFF) there,
 * which is how bad encodings are injected into otherwise readable text.
 */
final class LineSink implements Closeable {

  /** A character of the private use area, written as the byte 0xFF instead of its UTF-8 form. */
  static final char BAD_BYTE = '\uE000';

  private final OutputStream out;

  private LineSink(OutputStream out) {
    this.out = out;
  }

  static LineSink create(Path file) throws IOException {
    return new LineSink(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  /** Writes {@code text} and a line feed. */
  void line(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (text.indexOf(BAD_BYTE) < 0) {
      out.write(bytes);
    } else {
      // U+E000 is EE 80 80 in UTF-8: each occurrence becomes the single byte FF.
      for (int i = 0; i < bytes.length; i++) {
        if ((bytes[i] & 0xFF) == 0xEE && i + 2 < bytes.length
            && (bytes[i + 1] & 0xFF) == 0x80 && (bytes[i + 2] & 0xFF) == 0x80) {
          out.write(0xFF);
          i += 2;
        } else {
          out.write(bytes[i]);
        }
      }
    }
    out.write('\n');
  }

  /** {@code text} with a bad byte in its middle. */
  static String badlyEncoded(String text) {
    int at = Math.max(1, text.length() / 2);
    return text.substring(0, Math.min(at, text.length())) + BAD_BYTE + text.substring(Math.min(at, text.length()));
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
