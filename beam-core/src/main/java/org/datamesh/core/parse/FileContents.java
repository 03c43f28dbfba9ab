package org.datamesh.core.parse;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a file holds, read from its start as one or more {@link Part}s, each read as a file of its
 * own: a plain file is one part; a gzip file is one part, its members decompressed one after the
 * other ({@link GzipMembers}); a zip archive is one part per file entry, named {@code
 * archive.zip!/entry.csv}, so each entry has its own header, record numbers and source position.
 *
 * <pre>{@code
 * try (FileContents contents = FileContents.open(file)) {
 *   for (FileContents.Part part = contents.next(); part != null; part = contents.next()) {
 *     reader.readWhole(part.bytes(), part.name(), out);
 *     part.checkEnd(); // throws if bytes after the data were not read
 *   }
 * }
 * }</pre>
 *
 * <p>Beam's readers of both formats lose data: its gzip reader threw away the bytes it had just
 * decompressed when padding followed the last member, and its zip reader joins every entry into
 * one stream, so the second entry's header became a record (and a first entry without a final
 * line break glued its last record to it). Other compressions are read through Beam, as before.
 */
final class FileContents implements Closeable {

  /** One stream of a file, named as its records' source. */
  interface Part {
    String name();

    /** The part's bytes; closing them leaves the file open for the next part. */
    ReadableByteChannel bytes();

    /** Throws, naming the problem, if bytes after the part's data could not be read as data. */
    void checkEnd() throws UnreadBytesException;
  }

  private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
  private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};

  private final String name;
  private final InputStream in;
  private final @Nullable ZipInputStream zip;
  private boolean single;

  private FileContents(String name, InputStream in, @Nullable ZipInputStream zip) {
    this.name = name;
    this.in = in;
    this.zip = zip;
    this.single = zip == null;
  }

  /** Opens {@code file}, decompressing it as its compression says. */
  static FileContents open(FileIO.ReadableFile file) throws IOException {
    String name = file.getMetadata().resourceId().toString();
    Compression compression = file.getCompression();
    if (compression != Compression.GZIP && compression != Compression.ZIP) {
      return new FileContents(name, Channels.newInputStream(file.open()), null);
    }
    PushbackInputStream raw =
        new PushbackInputStream(
            new BufferedInputStream(
                Channels.newInputStream(FileSystems.open(file.getMetadata().resourceId())), 1 << 16),
            ZIP_ENTRY.length);
    byte[] start = raw.readNBytes(ZIP_ENTRY.length);
    raw.unread(start);
    if (compression == Compression.GZIP) {
      // As Beam does: a file named .gz that does not start like gzip is read as it is.
      boolean gzip = start.length >= 2 && (start[0] & 0xFF) == 0x1f && (start[1] & 0xFF) == 0x8b;
      return new FileContents(name, gzip ? new GzipMembers(raw) : raw, null);
    }
    if (start.length > 0 && !startsWith(start, ZIP_ENTRY) && !startsWith(start, ZIP_EMPTY)) {
      raw.close();
      throw new UnreadBytesException("it is not a zip archive");
    }
    return new FileContents(name, raw, new ZipInputStream(raw));
  }

  /** The next part, or null when there is none. */
  @Nullable
  Part next() throws IOException {
    if (zip == null) {
      if (!single) {
        return null;
      }
      single = false;
      return new WholePart(name, in);
    }
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      if (!entry.isDirectory()) {
        return new WholePart(name + "!/" + entry.getName(), zip);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** A part read from {@code in} to its end. */
  private static final class WholePart implements Part {
    private final String name;
    private final InputStream in;

    WholePart(String name, InputStream in) {
      this.name = name;
      this.in = in;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ReadableByteChannel bytes() {
      return Channels.newChannel(
          new FilterInputStream(in) {
            @Override
            public int available() {
              // 0, so a reader above never reads on after bytes it has, into an error that would
              // take those bytes with it (InputStreamReader and Channels.newChannel read on while
              // bytes are available).
              return 0;
            }

            @Override
            public void close() {
              // The file stays open for the next part; FileContents closes it.
            }
          });
    }

    @Override
    public void checkEnd() throws UnreadBytesException {
      if (in instanceof GzipMembers gzip && gzip.trailingBytes() > 0) {
        throw new UnreadBytesException(
            "its last compressed member is followed by "
                + gzip.trailingBytes()
                + " bytes that are not compressed data"
                + (gzip.trailingZeros() ? " (all zero, as padding is)" : "")
                + "; every record before them was read");
      }
    }
  }
}
