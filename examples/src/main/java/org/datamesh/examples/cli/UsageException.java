package org.datamesh.examples.cli;

import java.util.List;

/**
 * The command line is wrong, names a place that cannot be used, or names a contract that cannot
 * be used: exit status 2, one line, followed by one line per detail (a contract's problems).
 */
public final class UsageException extends Exception {

  private final List<String> details;

  public UsageException(String message) {
    this(message, List.of());
  }

  /** A usage error whose {@code details} (one line each) follow the message. */
  public UsageException(String message, List<String> details) {
    super(message, null, false, false);
    this.details = List.copyOf(details);
  }

  /** Lines printed after the message, indented; empty for a one-line error. */
  public List<String> details() {
    return details;
  }
}
