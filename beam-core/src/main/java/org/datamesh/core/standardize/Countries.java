package org.datamesh.core.standardize;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The ISO 3166-1 countries the JDK knows, by alpha-2 code, alpha-3 code and English name, built
 * once. Names are compared folded: any case, accents and apostrophe styles ignored, inner white
 * space collapsed, so {@code "cote d'ivoire"} finds {@code "Côte d’Ivoire"}.
 */
final class Countries {

  /** No country name or code is longer; longer text is not looked up. */
  static final int LONGEST = 80;

  private static final Map<String, String> ALPHA2 = build();

  private Countries() {}

  /** The alpha-2 code {@code text} names, or null. */
  static @Nullable String alpha2(String text) {
    String stripped = TextOnly.strip(text);
    if (stripped.length() > LONGEST) {
      return null;
    }
    return ALPHA2.get(fold(stripped));
  }

  private static Map<String, String> build() {
    Map<String, String> byKey = new HashMap<>();
    for (String alpha2 : Locale.getISOCountries()) {
      Locale country = new Locale("", alpha2);
      byKey.put(fold(alpha2), alpha2);
      try {
        String alpha3 = country.getISO3Country();
        if (!alpha3.isEmpty()) {
          byKey.put(fold(alpha3), alpha2);
        }
      } catch (MissingResourceException e) {
        // a code without an alpha-3 form is still found by its other names
      }
      String name = country.getDisplayCountry(Locale.ENGLISH);
      // Without a name the JDK echoes the code, which is already in the map.
      if (!name.isEmpty() && !name.equals(alpha2)) {
        byKey.putIfAbsent(fold(name), alpha2);
      }
    }
    return Map.copyOf(byKey);
  }

  /** Upper case, no accents, one apostrophe, single spaces, trimmed. */
  static String fold(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(plain.length());
    boolean space = false;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (TextOnly.isSpace(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c == '\u2019' || c == '\u2018' ? '\'' : c);
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }
}
