package org.datamesh.rules;

import java.net.URISyntaxException;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.TextFormat;

/**
 * Text is written in a well-known format ({@link TextFormat}): an e-mail address, an absolute URI,
 * a UUID, a host name, an IPv4 or IPv6 address, an ISO country or currency code (the JDK's lists). Checked by hand rather than with a validation
 * library, each by its standard's grammar (named on {@link TextFormat}), so the rule stays
 * dependency-free; what each accepts is pinned by {@code FormatCheckTest}.
 */
final class FormatCheck implements RuleCheck {

  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern HOSTNAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + LABEL + "(?:\\." + LABEL + ")+");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern IPV4 =
      Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
          + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

  // ISO 3166-1 alpha-2 as Java's locale data lists them (249 codes in JDK 17), and ISO 4217 as
  // java.util.Currency knows them: the JDK is the list, updated with it.
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());

  private final TextFormat format;

  FormatCheck(TextFormat format) {
    this.format = format;
  }

  @Override
  public String kind() {
    return "format";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {
    if (type.getTypeName() != TypeName.STRING) {
      throw new IllegalArgumentException(
          "a format rule needs a text field, but " + field + " is " + type);
    }
  }

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    return matches((String) value) ? null : field + " must " + describe();
  }

  boolean matches(String text) {
    switch (format) {
      case EMAIL:
        int at = text.lastIndexOf('@');
        return text.length() <= 254 && at > 0 && at <= 64 && EMAIL.matcher(text).matches();
      case URI:
        return isAbsoluteUri(text);
      case UUID:
        return UUID.matcher(text).matches();
      case HOSTNAME:
        return text.length() <= 253 && HOSTNAME.matcher(text).matches();
      case IPV4:
        return IPV4.matcher(text).matches();
      case IPV6:
        return isIpv6(text);
      case COUNTRY_CODE:
        return COUNTRIES.contains(text);
      case CURRENCY_CODE:
        return CURRENCIES.contains(text);
      default:
        throw new IllegalStateException("unknown format " + format);
    }
  }

  private static boolean isAbsoluteUri(String text) {
    try {
      java.net.URI uri = new java.net.URI(text);
      return uri.isAbsolute() && !text.isBlank() && text.strip().equals(text);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Eight groups of hex digits, or fewer around one {@code ::}; the last two may be an IPv4. */
  private static boolean isIpv6(String text) {
    int compression = text.indexOf("::");
    if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
      return false;
    }
    String head = compression < 0 ? text : text.substring(0, compression);
    String tail = compression < 0 ? "" : text.substring(compression + 2);
    int groups = 0;
    // The part that ends the address: the tail after '::', or the whole text without one.
    String[] parts = {head, tail};
    int ending = compression < 0 ? 0 : 1;
    for (int p = 0; p < parts.length; p++) {
      if (parts[p].isEmpty()) {
        continue;
      }
      String[] pieces = parts[p].split(":", -1);
      for (int i = 0; i < pieces.length; i++) {
        boolean last = p == ending && i == pieces.length - 1;
        if (last && pieces[i].contains(".")) {
          if (!IPV4.matcher(pieces[i]).matches()) {
            return false;
          }
          groups += 2;
        } else if (HEX_GROUP.matcher(pieces[i]).matches()) {
          groups++;
        } else {
          return false;
        }
      }
    }
    return compression < 0 ? groups == 8 : groups <= 7;
  }

  @Override
  public String describe() {
    switch (format) {
      case EMAIL:
        return "be an e-mail address";
      case URI:
        return "be an absolute URI";
      case UUID:
        return "be a UUID";
      case HOSTNAME:
        return "be a host name";
      case IPV4:
        return "be an IPv4 address";
      case IPV6:
        return "be an IPv6 address";
      case COUNTRY_CODE:
        return "be an ISO 3166-1 alpha-2 country code (upper case)";
      case CURRENCY_CODE:
        return "be an ISO 4217 currency code (upper case)";
      default:
        throw new IllegalStateException("unknown format " + format);
    }
  }
}
