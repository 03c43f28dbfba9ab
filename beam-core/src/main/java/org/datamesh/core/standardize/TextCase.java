package org.datamesh.core.standardize;

import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Trims text and, optionally, folds its case (with the root locale, so results do not depend on
 * the machine's language). Blank text becomes null: an empty code is a missing code.
 *
 * <p>Title case upper-cases the first letter of each word (a word starts after whitespace, a
 * hyphen or an apostrophe) and lower-cases the rest: {@code "jean-luc o'neil"} becomes {@code
 * "Jean-Luc O'Neil"}. It is a display convention, not a rule of names: {@code "McDonald"} becomes
 * {@code "Mcdonald"}.
 */
public final class TextCase implements FieldStandardizer {

  enum Fold {
    NONE,
    UPPER,
    LOWER,
    TITLE
  }

  private final String field;
  private final Fold fold;

  TextCase(String field, Fold fold) {
    this.field = field;
    this.fold = fold;
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    return TextOnly.output(field, inputType, "its case cannot be folded");
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row) {
    if (value == null) {
      return null;
    }
    String text = TextOnly.strip(value.toString());
    if (text.isEmpty()) {
      return null;
    }
    switch (fold) {
      case UPPER:
        return text.toUpperCase(Locale.ROOT);
      case LOWER:
        return text.toLowerCase(Locale.ROOT);
      case TITLE:
        return titleCase(text);
      default:
        return text;
    }
  }

  private static String titleCase(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean wordStart = true;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetter(c)) {
        out.appendCodePoint(wordStart ? Character.toTitleCase(c) : Character.toLowerCase(c));
        wordStart = false;
      } else {
        out.appendCodePoint(c);
        wordStart = Character.isWhitespace(c) || c == '-' || c == '\'' || c == '\u2019';
      }
    }
    return out.toString();
  }

  @Override
  public String describe() {
    return field + ": trimmed" + (fold == Fold.NONE ? "" : ", " + fold.name().toLowerCase(Locale.ROOT) + " case");
  }
}
