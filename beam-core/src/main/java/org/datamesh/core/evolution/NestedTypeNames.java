package org.datamesh.core.evolution;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.publish.Manifest;

/**
 * Reads the nested type names the manifest writes back into their parts, so evolution can compare
 * a struct's fields and an array's items one by one.
 *
 * <pre>{@code
 * NestedTypeNames.fields("customer", "STRUCT(zip STRING NOT NULL, city STRING)");
 * // [customer.zip STRING required, customer.city STRING nullable]
 * NestedTypeNames.item("lines", "ARRAY<INT64 NOT NULL>");   // lines[] INT64 required
 * }</pre>
 */
final class NestedTypeNames {

  private final String text;
  private int at;

  private NestedTypeNames(String text) {
    this.text = text;
  }

  /** The fields of a {@code STRUCT(...)} type as columns named {@code parent.field}; else null. */
  static @Nullable List<Manifest.Column> fields(String parent, String type) {
    if (!type.startsWith("STRUCT(") || !type.endsWith(")")) {
      return null;
    }
    NestedTypeNames reader = new NestedTypeNames(type);
    reader.at = "STRUCT(".length();
    List<Manifest.Column> fields = new ArrayList<>();
    while (reader.at < type.length() - 1) {
      int space = type.indexOf(' ', reader.at);
      String name = type.substring(reader.at, space);
      reader.at = space + 1;
      String fieldType = reader.type();
      boolean required = reader.notNull();
      fields.add(new Manifest.Column(parent + "." + name, fieldType, !required));
      if (type.startsWith(", ", reader.at)) {
        reader.at += 2;
      }
    }
    return fields;
  }

  /** The items of an {@code ARRAY<...>} type as a column named {@code parent[]}; else null. */
  static Manifest.@Nullable Column item(String parent, String type) {
    if (!type.startsWith("ARRAY<") || !type.endsWith(">")) {
      return null;
    }
    NestedTypeNames reader = new NestedTypeNames(type);
    reader.at = "ARRAY<".length();
    String itemType = reader.type();
    boolean required = reader.notNull();
    return new Manifest.Column(parent + "[]", itemType, !required);
  }

  /** One type name from the current position, with its brackets balanced. */
  private String type() {
    int start = at;
    int depth = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '(' || c == '<') {
        depth++;
      } else if (c == ')' || c == '>') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if ((c == ',' || c == ' ') && depth == 0) {
        break;
      }
      at++;
    }
    return text.substring(start, at);
  }

  private boolean notNull() {
    if (text.startsWith(" NOT NULL", at)) {
      at += " NOT NULL".length();
      return true;
    }
    return false;
  }
}
