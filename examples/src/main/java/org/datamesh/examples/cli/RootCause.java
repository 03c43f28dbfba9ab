package org.datamesh.examples.cli;

/** The innermost cause of an exception: where the file system or the store says what went wrong. */
public final class RootCause {

  private RootCause() {}

  public static Throwable of(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
