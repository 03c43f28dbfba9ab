package org.datamesh.core.parse;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Why a file could not be read, in words for a failure's reason.
 *
 * <pre>{@code
 * ReadProblems.describe(new EOFException()) // "its data ends early, as a truncated compressed file's does"
 * }</pre>
 *
 * <p>Built from the exception's type rather than its message, which names paths and, for some
 * file systems, more; a gzip stream that fails its checksum (commons-compress says so only in its
 * message, which holds nothing else) is the one exception.
 */
final class ReadProblems {

  private ReadProblems() {}

  static String describe(IOException e) {
    if (e instanceof UnreadBytesException) {
      return e.getMessage();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
      return "the file is gone";
    }
    if (e instanceof EOFException) {
      return "its data ends early, as a truncated compressed file's does";
    }
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (e instanceof ZipException || message.contains("corrupt")) {
      return "its compressed data is corrupt";
    }
    return "an I/O error (" + e.getClass().getSimpleName() + ")";
  }
}
