package org.datamesh.core.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of a regular expression's named groups, {@code (?<name>...)}, in the order they open.
 *
 * <p>Java 17's {@code Pattern} does not list its group names (that came in Java 20), so they are
 * read from the expression's text. Escaped characters, {@code \Q...\E} quotes and character
 * classes are skipped, since a {@code (} there is not a group; lookbehinds ({@code (?<=},
 * {@code (?<!}) are not named groups because a group name starts with a letter.
 */
public final class NamedGroups {

  private NamedGroups() {}

  /** The named groups of {@code regex}, which is expected to compile. */
  public static List<String> of(String regex) {
    List<String> names = new ArrayList<>();
    int classDepth = 0;
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? regex.length() : end + 2;
        } else {
          i += 2;
        }
        continue;
      }
      if (c == '[') {
        classDepth++;
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
      } else if (c == '(' && classDepth == 0 && regex.startsWith("(?<", i)) {
        int start = i + 3;
        int end = start;
        while (end < regex.length() && Character.isLetterOrDigit(regex.charAt(end))) {
          end++;
        }
        if (end > start
            && Character.isLetter(regex.charAt(start))
            && end < regex.length()
            && regex.charAt(end) == '>') {
          names.add(regex.substring(start, end));
        }
      }
      i++;
    }
    return names;
  }
}
