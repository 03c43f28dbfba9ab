package org.datamesh.core.parse;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A log line pattern: a regular expression whose named groups, {@code (?<column>...)}, are the
 * columns of a record.
 *
 * <p>Group names may hold underscores ({@code (?<status_code>\d+)}), as in PCRE and Python, because
 * columns usually do; Java's own group names cannot, and Java 17 cannot list a pattern's group
 * names either. So the expression is read here: each named group becomes a numbered one (and each
 * {@code \k<name>} a numbered back reference), and the name is remembered with its number.
 * Escapes, {@code \Q...\E} quotes and character classes are skipped, since a {@code (} there opens
 * no group.
 *
 * <pre>{@code
 * LogPattern pattern = LogPattern.of("(?<ip>\\S+) .* (?<status_code>\\d{3})");
 * pattern.groupNames();  // [ip, status_code]
 * }</pre>
 */
public final class LogPattern implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String regex;
  private final String javaRegex;
  private final int flags;
  private final Map<String, Integer> groups;

  private LogPattern(String regex, String javaRegex, int flags, Map<String, Integer> groups) {
    this.regex = regex;
    this.javaRegex = javaRegex;
    this.flags = flags;
    this.groups = groups;
  }

  /**
   * Reads {@code regex}.
   *
   * @throws IllegalArgumentException if it does not compile, or names a group twice; the message
   *     (to follow the pattern's name: "logPattern is not a valid ...") gives the reason, never the
   *     expression
   */
  public static LogPattern of(String regex) {
    return of(regex, 0);
  }

  /** Reads {@code regex} with {@link Pattern} {@code flags}; see {@link #of(String)}. */
  public static LogPattern of(String regex, int flags) {
    Map<String, Integer> groups = new LinkedHashMap<>();
    StringBuilder java = new StringBuilder(regex.length());
    int count = 0;
    int classDepth = 0;
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        int end = backReferenceEnd(regex, i, groups);
        if (end > 0) {
          // Numbered and bracketed, so that a digit after it is not read as part of the number.
          java.append("(?:\\").append(groups.get(regex.substring(i + 3, end - 1))).append(')');
        } else {
          end = escapeEnd(regex, i);
          java.append(regex, i, end);
        }
        i = end;
        continue;
      }
      if (c == '[') {
        classDepth++;
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
      } else if (c == '(' && classDepth == 0) {
        String name = groupName(regex, i);
        if (name != null) {
          if (groups.containsKey(name)) {
            throw new IllegalArgumentException("names the group " + name + " twice");
          }
          groups.put(name, ++count);
          java.append('(');
          i += name.length() + 4; // (?<name>
          continue;
        }
        if (!regex.startsWith("(?", i)) {
          count++;
        }
      }
      java.append(c);
      i++;
    }
    Pattern compiled;
    try {
      compiled = Pattern.compile(java.toString(), flags);
    } catch (PatternSyntaxException e) {
      // getMessage() repeats the whole expression; the index is into the rewritten one.
      throw new IllegalArgumentException(
          "is not a valid regular expression: " + e.getDescription(), e);
    }
    if (compiled.matcher("").groupCount() != count) {
      // Only modes this reader does not follow (COMMENTS, say) can get here.
      throw new IllegalArgumentException(
          "has groups that could not be numbered; write it without comments mode");
    }
    return new LogPattern(regex, java.toString(), flags, Map.copyOf(groups));
  }

  /** The expression as declared. */
  public String regex() {
    return regex;
  }

  /** The named groups, in the order they open. */
  public List<String> groupNames() {
    List<String> names = new ArrayList<>(groups.keySet());
    names.sort((a, b) -> groups.get(a) - groups.get(b));
    return names;
  }

  /** The number of the group called {@code name}, or -1 when there is none. */
  public int group(String name) {
    return groups.getOrDefault(name, -1);
  }

  /** A new {@link Pattern} for matching; compile it once per worker, not once per line. */
  public Pattern compile() {
    return Pattern.compile(javaRegex, flags);
  }

  @Override
  public String toString() {
    return regex;
  }

  /** The name of the named group opening at {@code at}, or null when none opens there. */
  private static String groupName(String regex, int at) {
    if (!regex.startsWith("(?<", at)) {
      return null; // lookbehinds, (?<= and (?<!, fail the letter test below
    }
    int start = at + 3;
    int end = start;
    while (end < regex.length() && isNameChar(regex.charAt(end))) {
      end++;
    }
    boolean named =
        end > start
            && isLetter(regex.charAt(start))
            && end < regex.length()
            && regex.charAt(end) == '>';
    return named ? regex.substring(start, end) : null;
  }

  /** Where the escape starting at {@code at} ends: after {@code \Q...\E}, or after one char. */
  private static int escapeEnd(String regex, int at) {
    if (regex.startsWith("\\Q", at)) {
      int end = regex.indexOf("\\E", at + 2);
      return end < 0 ? regex.length() : end + 2;
    }
    return Math.min(at + 2, regex.length());
  }

  /** Where {@code \k<name>} of a known group starting at {@code at} ends; -1 for other escapes. */
  private static int backReferenceEnd(String regex, int at, Map<String, Integer> groups) {
    if (!regex.startsWith("\\k<", at)) {
      return -1;
    }
    int close = regex.indexOf('>', at + 3);
    return close > 0 && groups.containsKey(regex.substring(at + 3, close)) ? close + 1 : -1;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNameChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }
}
