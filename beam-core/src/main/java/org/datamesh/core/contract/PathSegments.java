package org.datamesh.core.contract;

import java.util.regex.Pattern;

/**
 * The domain, product name and version become folders of the output, so each must be one safe
 * path segment: a contract can never make a pipeline write outside its output root.
 */
final class PathSegments {

  // The same rule as DataProduct's, so every accepted contract makes a valid DataProduct.
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final Pattern VERSION = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  static final String NAME_RULE =
      "must be a safe folder name: lower-case letters, digits, '_' or '-', starting with a letter"
          + " (no '/', '\\', '.' or spaces)";
  static final String VERSION_RULE =
      "must be a safe folder name: lower-case letters, digits, '.', '_' or '-', starting with a"
          + " letter or digit (not '.' or '..'; no '/', '\\' or spaces)";

  private PathSegments() {}

  static boolean isName(String segment) {
    return NAME.matcher(segment).matches();
  }

  static boolean isVersion(String segment) {
    return VERSION.matcher(segment).matches() && !".".equals(segment) && !"..".equals(segment);
  }
}
