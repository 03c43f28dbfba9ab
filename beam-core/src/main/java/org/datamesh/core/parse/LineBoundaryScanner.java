package org.datamesh.core.parse;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/**
 * Finds where lines start, as {@link BoundedLineReader} reads them (ending at LF, CRLF or a lone
 * CR), for formats with one record a line such as JSON lines. A line cannot hold a raw line break,
 * so any byte would do as a split point were it not for the line numbers, which only a pass from
 * the file's start can know.
 */
final class LineBoundaryScanner extends BoundaryScanner {

  LineBoundaryScanner(ReadableByteChannel in) {
    super(in);
  }

  @Override
  void skipRecord() throws IOException {
    skipRestOfLine();
  }
}
