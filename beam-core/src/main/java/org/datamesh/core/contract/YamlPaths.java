package org.datamesh.core.contract;

/**
 * Paths into a contract in the form problems print them: {@code schema[0].properties[2].name}, with
 * {@code $} for the whole document.
 */
final class YamlPaths {

  static final String ROOT = "$";

  private YamlPaths() {}

  static String key(String parent, String key) {
    return ROOT.equals(parent) ? key : parent + "." + key;
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

  /** Converts a JSON Schema validator's {@code $.schema[0].name} to {@code schema[0].name}. */
  static String fromJsonPath(String jsonPath) {
    if (jsonPath == null || jsonPath.isEmpty() || ROOT.equals(jsonPath)) {
      return ROOT;
    }
    return jsonPath.startsWith("$.") ? jsonPath.substring(2) : jsonPath;
  }
}
