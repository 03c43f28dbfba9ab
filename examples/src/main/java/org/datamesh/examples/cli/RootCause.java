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

  /** {@code SimpleClassName: message} of {@code t}'s innermost cause, as the commands print it. */
  public static String describe(Throwable t) {
    Throwable root = of(t);
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
