package org.datamesh.core.standardize;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Text tokens to a boolean: {@code true/false}, {@code yes/no}, {@code y/n}, {@code 1/0},
 * {@code on/off}, in any case and with any surrounding white space (or other tokens given).
 *
 * <pre>{@code
 * Standardizers.booleanTokens("active");                          // "Yes", " ON ", "1" -> true
 * Standardizers.booleanTokens("active").withTokens(
 *     List.of("ja", "oui"), List.of("nein", "non"));              // only these
 * }</pre>
 *
 * <p>The field becomes {@code BOOLEAN}. Any other text, blank included, fails with {@code
 * standardize.boolean}; put {@code nullTokens} first to read blanks as missing. A value that is
 * already a boolean is kept.
 */
public final class BooleanTokens implements FieldStandardizer {

  /** The tokens read as true by default. */
  public static final List<String> TRUE = List.of("true", "yes", "y", "1", "on");

  /** The tokens read as false by default. */
  public static final List<String> FALSE = List.of("false", "no", "n", "0", "off");

  private final String field;
  private final Set<String> trueTokens;
  private final Set<String> falseTokens;
  private final int longest;

  private BooleanTokens(String field, List<String> trueTokens, List<String> falseTokens) {
    this.field = field;
    this.trueTokens = folded(trueTokens);
    this.falseTokens = folded(falseTokens);
    int longest = 0;
    for (String token : this.trueTokens) {
      longest = Math.max(longest, token.length());
    }
    for (String token : this.falseTokens) {
      longest = Math.max(longest, token.length());
    }
    this.longest = longest;
    Set<String> both = new HashSet<>(this.trueTokens);
    both.retainAll(this.falseTokens);
    if (!both.isEmpty() || this.trueTokens.isEmpty() || this.falseTokens.isEmpty()) {
      throw new IllegalArgumentException(
          "give at least one token for true and one for false, none of them for both");
    }
  }

  static BooleanTokens of(String field) {
    return new BooleanTokens(field, TRUE, FALSE);
  }

  /** Returns a standardizer like this one but reading only these tokens (any case). */
  public BooleanTokens withTokens(List<String> trueTokens, List<String> falseTokens) {
    return new BooleanTokens(field, trueTokens, falseTokens);
  }

  private static Set<String> folded(List<String> tokens) {
    Set<String> folded = new HashSet<>();
    for (String token : tokens) {
      folded.add(TextOnly.strip(token).toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(folded);
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    if (inputType.getTypeName() == FieldType.BOOLEAN.getTypeName()) {
      return inputType;
    }
    TextOnly.output(field, inputType, "it cannot be read as a boolean token");
    return FieldType.BOOLEAN.withNullable(true);
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row)
      throws StandardizationException {
    if (value == null || value instanceof Boolean) {
      return value;
    }
    String text = TextOnly.strip(value.toString());
    // Lower-casing never shortens text: longer text is no token and is not folded for nothing.
    if (text.length() <= longest) {
      String token = text.toLowerCase(Locale.ROOT);
      if (trueTokens.contains(token)) {
        return true;
      }
      if (falseTokens.contains(token)) {
        return false;
      }
    }
    throw new StandardizationException(
        "standardize.boolean",
        field,
        field + " is not a boolean (one of " + String.join(", ", sorted(trueTokens)) + " or "
            + String.join(", ", sorted(falseTokens)) + ")");
  }

  private static List<String> sorted(Set<String> tokens) {
    return tokens.stream().sorted().toList();
  }

  @Override
  public String describe() {
    return field + ": boolean from " + sorted(trueTokens) + " / " + sorted(falseTokens);
  }
}
