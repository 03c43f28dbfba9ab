package org.datamesh.core.contract;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code logicalTypeOptions.format} values of a string property that a record rule checks
 * ({@code <column>.format}); any other format of a string stays documentation, with a notice.
 *
 * <pre>{@code
 * // logicalTypeOptions: {format: email}
 * TextFormat.of("email");   // EMAIL
 * TextFormat.of("e-mail");  // null: not one the library checks
 * }</pre>
 */
public enum TextFormat {
  /** {@code local@domain}, the domain a host name with at least one dot (as HTML forms check). */
  EMAIL("email"),
  /** An absolute URI: a scheme, then what that scheme allows (RFC 3986). */
  URI("uri"),
  /** A UUID in its canonical text form, {@code 8-4-4-4-12} hexadecimal digits. */
  UUID("uuid"),
  /** A DNS host name: dot-separated labels of letters, digits and inner hyphens (RFC 1123). */
  HOSTNAME("hostname"),
  /** An IPv4 address in dotted-decimal form, without leading zeros. */
  IPV4("ipv4"),
  /** An IPv6 address (RFC 4291 text forms, {@code ::} compression and a trailing IPv4 allowed). */
  IPV6("ipv6"),
  /** An ISO 3166-1 alpha-2 country code in upper case ({@code FR}), as Java's locales list them. */
  COUNTRY_CODE("iso3166-alpha2"),
  /** An ISO 4217 currency code in upper case ({@code EUR}), as {@code java.util.Currency} knows them. */
  CURRENCY_CODE("iso4217");

  private final String odcsName;

  TextFormat(String odcsName) {
    this.odcsName = odcsName;
  }

  /** The name a contract writes: {@code email}, {@code uri}, ... */
  public String odcsName() {
    return odcsName;
  }

  /** The format a contract's {@code format} value names (ignoring case), or null. */
  public static @Nullable TextFormat of(@Nullable String format) {
    if (format == null) {
      return null;
    }
    String name = format.trim().toLowerCase(Locale.ROOT);
    for (TextFormat known : values()) {
      if (known.odcsName.equals(name)) {
        return known;
      }
    }
    return null;
  }
}
