package org.datamesh.core.protect;

/** A keyset that cannot be used: missing, unreadable, too open, or not a datamesh keyset. */
public final class KeysetException extends Exception {

  private static final long serialVersionUID = 1L;

  public KeysetException(String message) {
    super(message);
  }
}
