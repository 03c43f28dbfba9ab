package org.datamesh.core.publish;

import java.io.IOException;

/**
 * A product's {@code _manifest.json} exists but is not a manifest: empty, cut short, or not JSON
 * (a disk that lost its last writes, a hand edit). Nothing can be committed over it, because the
 * version in force is unknown; the message says how to put the last good version back.
 *
 * <pre>{@code
 * /data/sales/orders/_manifest.json is not a readable manifest (No content to map due to
 * end-of-input). The version before it is kept beside it: copy _manifest.previous.json over
 * _manifest.json to put it back, then run again.
 * }</pre>
 */
public final class UnreadableManifestException extends IOException {

  private static final long serialVersionUID = 1L;

  UnreadableManifestException(String file, IOException cause) {
    super(
        file
            + " is not a readable manifest ("
            + firstLine(cause.getMessage())
            + "). The version before it is kept beside it: copy "
            + Manifest.PREVIOUS_FILE_NAME
            + " over "
            + Manifest.FILE_NAME
            + " to put it back, then run again. If there is no "
            + Manifest.PREVIOUS_FILE_NAME
            + ", remove "
            + Manifest.FILE_NAME
            + " to publish the product afresh.",
        cause);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
