package org.datamesh.core.standardize;

import java.text.Normalizer;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One clean-up of text that keeps its meaning: collapsing whitespace, Unicode NFC, or removing
 * invisible characters. Each is its own standardizer, so a contract lists the ones it wants.
 *
 * <pre>{@code
 * Standardizers.stripControl("name");        // "Ann\u200B\u0007e" -> "Anne"
 * Standardizers.normalizeNfc("name");        // "Ame\u0301lie" (e + combining accent) -> "Amélie"
 * Standardizers.collapseWhitespace("name");  // "  Anne \t  Marie " -> "Anne Marie"
 * }</pre>
 *
 * <p>What counts as invisible: every control character (Unicode category Cc) except tab, line
 * feed and carriage return, which multi-line text such as an address or a comment legitimately
 * holds ({@code collapse} turns them into spaces when a column wants one line); and the zero-width
 * space (U+200B), word joiner (U+2060) and byte-order mark (U+FEFF), which carry nothing. The
 * zero-width non-joiner and joiner (U+200C, U+200D) are kept: Persian and Indic spellings and
 * emoji sequences depend on them.
 *
 * <p>Whitespace for {@code collapse} is any Unicode white space or space separator, the no-break
 * space included; the result is also trimmed. Null stays null; none of these fails.
 */
public final class TextCleanup implements FieldStandardizer {

  enum Kind {
    COLLAPSE("whitespace collapsed"),
    NFC("Unicode NFC"),
    STRIP_CONTROL("control and zero-width characters removed");

    private final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  private final String field;
  private final Kind kind;

  TextCleanup(String field, Kind kind) {
    this.field = field;
    this.kind = kind;
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    return TextOnly.output(field, inputType, "it cannot be cleaned as text");
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    switch (kind) {
      case COLLAPSE:
        return collapse(text);
      case NFC:
        return Normalizer.isNormalized(text, Normalizer.Form.NFC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFC);
      default:
        return stripControl(text);
    }
  }

  private static String collapse(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (TextOnly.isSpace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  static boolean isInvisible(char c) {
    if (Character.getType(c) == Character.CONTROL) {
      return c != '\t' && c != '\n' && c != '\r';
    }
    return c == '\u200B' || c == '\u2060' || c == '\uFEFF';
  }

  private static String stripControl(String text) {
    int first = 0;
    while (first < text.length() && !isInvisible(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isInvisible(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public String describe() {
    return field + ": " + kind.description;
  }
}
