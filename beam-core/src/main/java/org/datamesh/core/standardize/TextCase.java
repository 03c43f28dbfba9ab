package org.datamesh.core.standardize;

import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Trims text and, optionally, folds its case (with the root locale, so results do not depend on
 * the machine's language). Blank text becomes null: an empty code is a missing code.
 */
public final class TextCase implements FieldStandardizer {

  enum Fold {
    NONE,
    UPPER,
    LOWER
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
    if (inputType.getTypeName() != FieldType.STRING.getTypeName()) {
      throw new IllegalArgumentException(field + " is not text, so its case cannot be folded");
    }
    return FieldType.STRING.withNullable(true);
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    switch (fold) {
      case UPPER:
        return text.toUpperCase(Locale.ROOT);
      case LOWER:
        return text.toLowerCase(Locale.ROOT);
      default:
        return text;
    }
  }

  @Override
  public String describe() {
    return field + ": trimmed" + (fold == Fold.NONE ? "" : ", " + fold.name().toLowerCase(Locale.ROOT) + " case");
  }
}
