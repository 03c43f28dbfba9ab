package org.datamesh.examples.cli;

/** The exit statuses of {@code datamesh}. */
public final class ExitCode {
  /** The product was published. */
  public static final int OK = 0;

  /** The run started but did not publish (a pipeline error, or a result that does not add up). */
  public static final int RUN_FAILED = 1;

  /** Bad usage, a bad contract, or an input or output location that cannot be used. */
  public static final int USAGE = 2;

  private ExitCode() {}
}
