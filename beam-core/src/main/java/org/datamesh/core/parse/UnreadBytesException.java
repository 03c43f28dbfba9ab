package org.datamesh.core.parse;

import java.io.IOException;

/**
 * Part of a file that cannot be read as records, such as bytes after the last gzip member or a
 * file named {@code .zip} that is not an archive. Its message is the reason's end, in words
 * chosen here, so it names no path: {@link ReadProblems} passes it on as it is.
 */
final class UnreadBytesException extends IOException {
  private static final long serialVersionUID = 1L;

  UnreadBytesException(String reason) {
    super(reason);
  }
}
