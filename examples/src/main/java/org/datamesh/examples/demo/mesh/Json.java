package org.datamesh.examples.demo.mesh;

import java.util.Locale;

/** A JSON object written member by member, in the order given, without a library. */
final class Json {

  private final StringBuilder text = new StringBuilder("{");

  static Json object() {
    return new Json();
  }

  /** Adds a string member; a null value is JSON null. */
  Json string(String name, String value) {
    return raw(name, value == null ? "null" : quote(value));
  }

  /** Adds a number member. */
  Json number(String name, double value) {
    return raw(name, String.format(Locale.ROOT, "%.1f", value));
  }

  /** Adds an integer member. */
  Json integer(String name, long value) {
    return raw(name, Long.toString(value));
  }

  /** Adds a member whose JSON text is {@code json} (an object, true, null, ...). */
  Json raw(String name, String json) {
    if (text.length() > 1) {
      text.append(',');
    }
    text.append(quote(name)).append(':').append(json);
    return this;
  }

  @Override
  public String toString() {
    return text + "}";
  }

  private static String quote(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
