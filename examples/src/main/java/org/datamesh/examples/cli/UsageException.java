package org.datamesh.examples.cli;

/** The command line is wrong, or names a place that cannot be used: exit status 2, one line. */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message, null, false, false);
  }
}
