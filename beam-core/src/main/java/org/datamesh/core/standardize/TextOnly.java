package org.datamesh.core.standardize;

import org.apache.beam.sdk.schemas.Schema.FieldType;

/** What text standardizers share: they run on text fields only, and trim the same way. */
final class TextOnly {

  private TextOnly() {}

  /** Nullable text, or an error naming {@code field} and what needs text. */
  static FieldType output(String field, FieldType input, String what) {
    if (input.getTypeName() != FieldType.STRING.getTypeName()) {
      throw new IllegalArgumentException(field + " is not text, so " + what);
    }
    return FieldType.STRING.withNullable(true);
  }

  /** Whether {@code c} is white space, the no-break spaces included (String.strip keeps them). */
  static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** {@code text} without leading and trailing white space, no-break spaces included. */
  static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == text.length() ? text : text.substring(start, end);
  }
}
