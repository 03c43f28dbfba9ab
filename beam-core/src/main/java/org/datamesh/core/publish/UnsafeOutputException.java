package org.datamesh.core.publish;

/**
 * A product's files would leave the output folder: a symbolic link in the output leads outside it.
 * Thrown while the pipeline is built, so nothing has been written.
 */
public final class UnsafeOutputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  UnsafeOutputException(String message) {
    super(message);
  }
}
