package org.datamesh.core.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The text of a column's {@code standardize} custom property, split into directives:
 *
 * <pre>{@code
 * value     := directive ("," directive)*
 * directive := name | name "(" argument ("|" argument)* ")"
 * }</pre>
 *
 * <p>Names are read in any case; arguments are kept as written (date patterns are case-sensitive)
 * with surrounding spaces removed. A comma inside parentheses belongs to the argument, so {@code
 * formats(EEE, d MMM yyyy)} is one directive.
 */
final class StandardizeDirectives {

  /** One directive: {@code null_tokens(N/A|-)} is name {@code null_tokens}, arguments N/A and -. */
  record Directive(String name, List<String> arguments, boolean parenthesized) {
    @Nullable
    String argument() {
      return arguments.isEmpty() ? null : arguments.get(0);
    }
  }

  private static final Pattern DIRECTIVE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\((.*)\\))?", Pattern.DOTALL);

  private StandardizeDirectives() {}

  /**
   * The directives {@code value} lists, in order; each part that is not a directive is added to
   * {@code malformed} as its text.
   */
  static List<Directive> parse(String value, List<String> malformed) {
    List<Directive> directives = new ArrayList<>();
    for (String part : split(value)) {
      Matcher m = DIRECTIVE.matcher(part.strip());
      if (!m.matches()) {
        malformed.add(part.strip());
        continue;
      }
      List<String> arguments = new ArrayList<>();
      if (m.group(2) != null) {
        for (String argument : m.group(2).split("\\|", -1)) {
          arguments.add(argument.strip());
        }
      }
      directives.add(
          new Directive(m.group(1).toLowerCase(Locale.ROOT), arguments, m.group(2) != null));
    }
    return directives;
  }

  /** {@code value} split at the commas outside parentheses. */
  private static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    return parts;
  }
}
