package org.datamesh.core.contract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The domain, the product's name and each table's name become folders of the output, so each
 * must be one safe path segment: a contract can never make a pipeline write outside its output
 * root. A name that is not one already is turned into one ({@link #slug}), never refused.
 */
final class PathSegments {

  // The same rule as DataProduct's, so every accepted contract makes a valid DataProduct.
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final Pattern UNSAFE_RUN = Pattern.compile("[^a-z0-9_-]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final int MAX_LENGTH = 100;

  static final String NAME_RULE =
      "must be a safe folder name: lower-case letters, digits, '_' or '-', starting with a letter"
          + " (no '/', '\\', '.' or spaces)";

  private PathSegments() {}

  static boolean isName(String segment) {
    return NAME.matcher(segment).matches();
  }

  /**
   * The folder-safe form of {@code name}: accents dropped, lower case, every run of other
   * characters one {@code _}, no {@code _} or {@code -} at either end, at most 100 characters.
   * {@code "My Quantum"} becomes {@code my_quantum}, {@code "Orders/2024"} {@code orders_2024}. A
   * result that is empty or starts with a digit gets {@code fallback} in front ({@code "2024"}
   * with fallback {@code t} becomes {@code t_2024}).
   */
  static String slug(String name, String fallback) {
    String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
    String slug = UNSAFE_RUN.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("_");
    slug = trimEnds(slug);
    if (slug.isEmpty()) {
      return fallback;
    }
    if (!Character.isLetter(slug.charAt(0))) {
      slug = fallback + "_" + slug;
    }
    return slug.length() <= MAX_LENGTH ? slug : trimEnds(slug.substring(0, MAX_LENGTH));
  }

  private static String trimEnds(String slug) {
    int start = 0;
    int end = slug.length();
    while (start < end && (slug.charAt(start) == '_' || slug.charAt(start) == '-')) {
      start++;
    }
    while (end > start && (slug.charAt(end - 1) == '_' || slug.charAt(end - 1) == '-')) {
      end--;
    }
    return slug.substring(start, end);
  }
}
