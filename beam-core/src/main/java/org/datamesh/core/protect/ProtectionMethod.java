package org.datamesh.core.protect;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/** How a classified column is protected before it is published. */
public enum ProtectionMethod {
  /** A keyed, deterministic token naming its key: joinable, not reversible. */
  TOKENIZE,
  /** Authenticated encryption (AES-GCM, or AES-SIV when deterministic): key holders read it back. */
  ENCRYPT,
  /** Every character but the last few replaced by {@code *}. */
  MASK,
  /** SHA-256 of the value with the keyset's secret salt, in hex: stable across key rotations. */
  HASH,
  /** Dates and timestamps cut to their month or year, numbers to the lower bound of a band. */
  GENERALIZE,
  /** The column is not published at all. */
  DROP;

  /** The method called {@code word} (any case), or null. */
  public static @Nullable ProtectionMethod named(String word) {
    for (ProtectionMethod method : values()) {
      if (method.name().equalsIgnoreCase(word.trim())) {
        return method;
      }
    }
    return null;
  }

  /** The method as written in contracts: lower case. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
