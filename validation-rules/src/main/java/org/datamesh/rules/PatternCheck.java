package org.datamesh.rules;

import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The whole text matches a regular expression. */
final class PatternCheck implements RuleCheck {

  private final String regex;
  private transient @Nullable Pattern pattern;

  PatternCheck(String regex) {
    this.regex = regex;
    Pattern.compile(regex);
  }

  @Override
  public String kind() {
    return "pattern";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {
    if (type.getTypeName() != TypeName.STRING) {
      throw new IllegalArgumentException("a pattern rule needs a text field, but " + field + " is " + type);
    }
  }

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (pattern == null) {
      pattern = Pattern.compile(regex);
    }
    return pattern.matcher((String) value).matches() ? null : field + " must " + describe();
  }

  @Override
  public String describe() {
    return "match " + regex;
  }
}
