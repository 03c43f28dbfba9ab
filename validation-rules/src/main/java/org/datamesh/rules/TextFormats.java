package org.datamesh.rules;

import org.datamesh.core.contract.TextFormat;

/**
 * Whether a text is in a {@link TextFormat}, by the very check the {@code <column>.format} rule
 * runs, for code that needs the answer without a rule (a profiler suggesting a format).
 *
 * <pre>{@code
 * TextFormats.matches(TextFormat.EMAIL, "ada@example.org");  // true
 * TextFormats.matches(TextFormat.UUID, "not-a-uuid");        // false
 * }</pre>
 */
public final class TextFormats {

  private TextFormats() {}

  /** Whether {@code text}, as it is, is in {@code format}. */
  public static boolean matches(TextFormat format, String text) {
    return new FormatCheck(format).matches(text);
  }
}
