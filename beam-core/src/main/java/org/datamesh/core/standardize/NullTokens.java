package org.datamesh.core.standardize;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Text that stands for "no value" in exports becomes null: blank text always, and the tokens
 * given, compared ignoring case and surrounding white space. Other text is kept as it is.
 *
 * <pre>{@code
 * Standardizers.nullTokens("phone");                          // "", "N/A", "null", "-" -> null
 * Standardizers.nullTokens("phone").withTokens("?", "none");  // "", "?", "NONE" -> null
 * }</pre>
 *
 * <p>A required column that held a token then fails as any missing value does: validation's
 * {@code <column>.not_null}, or {@code <column>.required} when the rows take the published schema.
 * Put it first in a column's list, so later standardizers see the null instead of the token.
 */
public final class NullTokens implements FieldStandardizer {

  /** The tokens {@link Standardizers#nullTokens} starts with. */
  public static final List<String> DEFAULT_TOKENS = List.of("N/A", "null", "-");

  private final String field;
  private final Set<String> tokens;
  private final int longest;

  private NullTokens(String field, List<String> tokens) {
    this.field = field;
    Set<String> folded = new LinkedHashSet<>();
    int longest = 0;
    for (String token : tokens) {
      folded.add(fold(token));
      longest = Math.max(longest, TextOnly.strip(token).length());
    }
    this.tokens = Set.copyOf(folded);
    this.longest = longest;
  }

  static NullTokens of(String field) {
    return new NullTokens(field, DEFAULT_TOKENS);
  }

  /**
   * Returns a standardizer like this one but with {@code tokens} (instead of the default ones)
   * standing for no value; blank text always does.
   */
  public NullTokens withTokens(String... tokens) {
    return new NullTokens(field, Arrays.asList(tokens));
  }

  private static String fold(String text) {
    return TextOnly.strip(text).toLowerCase(Locale.ROOT);
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    return TextOnly.output(field, inputType, "it cannot hold null tokens");
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    String stripped = TextOnly.strip(text);
    // Lower-casing never shortens text, so a value longer than every token is none of them and
    // is not folded for nothing.
    if (stripped.isEmpty()
        || (stripped.length() <= longest
            && tokens.contains(stripped.toLowerCase(Locale.ROOT)))) {
      return null;
    }
    return text;
  }

  @Override
  public String describe() {
    return field + ": null tokens " + tokens.stream().sorted().toList() + " and blank to null";
  }
}
