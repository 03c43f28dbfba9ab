package org.datamesh.core.contract;

/**
 * Paths into a contract in the form problems print them: {@code schema[0].properties[2].name}, with
 * {@code $} for the whole document.
 */
final class YamlPaths {

  static final String ROOT = "$";

  private YamlPaths() {}

  /**
   * The path of {@code key} in the mapping at {@code parent}. A key that is empty or holds a
   * character that would make the path ambiguous or break its line ({@code . [ ] " \}, spaces,
   * control characters) is written quoted, with those characters escaped: {@code
   * schema[0]["a.b"]} is written {@code schema[0]["a\u002eb"]}, and the empty key {@code $[""]}.
   */
  static String key(String parent, String key) {
    if (!isPlain(key)) {
      return parent + "[\"" + escaped(key) + "\"]";
    }
    return ROOT.equals(parent) ? key : parent + "." + key;
  }

  private static boolean isPlain(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (needsEscape(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean needsEscape(char c) {
    return c <= ' ' || Character.isISOControl(c) || Character.isWhitespace(c)
        || ".[]\"\\".indexOf(c) >= 0;
  }

  private static String escaped(String key) {
    StringBuilder out = new StringBuilder(key.length() + 8);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != ' ' && needsEscape(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The path one level up; {@code $} for a top-level key and for {@code $} itself. */
  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? ROOT : path.substring(0, cut);
  }

  /** The top-level key a path starts with, such as {@code schema}; {@code $} for the root. */
  static String topLevel(String path) {
    if (path.startsWith(ROOT)) {
      return ROOT;
    }
    int cut = path.length();
    for (char c : new char[] {'.', '['}) {
      int at = path.indexOf(c);
      if (at > 0) {
        cut = Math.min(cut, at);
      }
    }
    return path.substring(0, cut);
  }
}
