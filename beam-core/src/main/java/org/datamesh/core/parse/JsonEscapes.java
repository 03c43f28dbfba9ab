package org.datamesh.core.parse;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Violation;

/**
 * Finds the <code>&#92;u</code> escapes of a JSON line that write what a text value cannot hold.
 *
 * <pre>{@code
 * JsonEscapes.problem("{\"id\":\"\\ud800 x\"}")  // parse.json: half a surrogate pair, at column 8
 * JsonEscapes.problem("{\"id\":\"a\\u0000\"}")   // parse.nul_character, at column 9
 * JsonEscapes.problem("{\"id\":\"\\ud83d\\ude00\"}") // null: the pair is one character, U+1F600
 * }</pre>
 *
 * <p>JSON lets a string escape one half of a surrogate pair without the other. Jackson reads it as
 * a lone surrogate, which UTF-8 cannot encode, so the Parquet writer would publish {@code ?} in its
 * place. An escaped NUL fails its record as a NUL byte does in any format ({@code
 * parse.nul_character}): one rule, however the NUL is written. Both are looked for anywhere in the
 * line, names and ignored members too, as the raw-text checks of {@link LineProblems} are. A line
 * without <code>&#92;u</code> costs one {@code indexOf}.
 */
final class JsonEscapes {

  private JsonEscapes() {}

  /** The first such escape's problem in {@code line}, which is valid JSON; null when none. */
  static @Nullable Violation problem(String line) {
    if (line.indexOf("\\u") < 0) {
      return null;
    }
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        inString = !inString;
      } else if (inString && c == '\\') {
        if (line.charAt(i + 1) != 'u') {
          i++; // a two-character escape such as \" or \\, never the start of another
          continue;
        }
        char unit = unit(line, i);
        if (unit == '\0') {
          return Violation.error(
              "parse.nul_character",
              null,
              "the record contains a NUL character (U+0000), escaped as \\u0000 at column "
                  + (i + 1));
        }
        if (Character.isHighSurrogate(unit) && followedByLowHalf(line, i + 6)) {
          i += 11;
          continue;
        }
        if (Character.isSurrogate(unit)) {
          return Violation.error(
              "parse.json",
              null,
              "the record has the escape " + line.substring(i, i + 6) + " at column " + (i + 1)
                  + ", half of a surrogate pair without its other half, which is not a character");
        }
        i += 5;
      }
    }
    return null;
  }

  /** Whether a <code>&#92;u</code> escape of a low surrogate starts at {@code at}. */
  private static boolean followedByLowHalf(String line, int at) {
    return at + 6 <= line.length()
        && line.charAt(at) == '\\'
        && line.charAt(at + 1) == 'u'
        && Character.isLowSurrogate(unit(line, at));
  }

  /** The UTF-16 unit the <code>&#92;u</code> escape at {@code at} writes (four hex digits). */
  private static char unit(String line, int at) {
    return (char) Integer.parseInt(line, at + 2, at + 6, 16);
  }
}
