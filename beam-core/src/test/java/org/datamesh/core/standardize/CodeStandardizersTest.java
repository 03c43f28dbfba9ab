package org.datamesh.core.standardize;

import static org.datamesh.core.standardize.Outcomes.outcome;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

/** Phone numbers, countries, currencies, e-mail addresses and booleans to canonical codes. */
class CodeStandardizersTest {

  private static final String LONG = "4".repeat(1_000_000);

  @Test
  void everyStandardizerSurvivesJavaSerializationAsBeamShipsIt() {
    FieldStandardizer[] all = {
      Standardizers.trim("f"), Standardizers.titleCase("f"), Standardizers.collapseWhitespace("f"),
      Standardizers.normalizeNfc("f"), Standardizers.stripControl("f"),
      Standardizers.nullTokens("f").withTokens("?"), Standardizers.phoneE164("f").withDefaultRegion("DE"),
      Standardizers.countryCode("f"), Standardizers.currencyCode("f"), Standardizers.email("f"),
      Standardizers.booleanTokens("f"), Standardizers.unit("f", "kg").storedAs(9, 3),
      Standardizers.date("f").withPatterns("dd.MM.yyyy"),
      Standardizers.timestampUtc("f").withPatterns("dd.MM.yyyy HH:mm"),
      Standardizers.currencyAmount("f", "c")
    };
    for (FieldStandardizer standardizer : all) {
      FieldStandardizer copy = SerializableUtils.clone(standardizer);
      assertThat(copy.describe(), equalTo(standardizer.describe()));
    }
    assertThat(
        outcome(SerializableUtils.clone(Standardizers.unit("f", "kg")), "5 lb"),
        equalTo("2.26796185"));
  }

  @Test
  void phoneNumbersBecomeE164FromInternationalAndNationalForms() {
    PhoneE164 de = Standardizers.phoneE164("phone").withDefaultRegion("de");
    assertThat(outcome(de, "030 1234567"), equalTo("+49301234567"));
    assertThat(outcome(de, "+49 (0)30 123 45 67"), equalTo("+49301234567"));
    assertThat(outcome(de, "0049 30 1234567"), equalTo("+49301234567"));
    assertThat(outcome(de, " +1 650-253-0000 "), equalTo("+16502530000"));
    assertThat(outcome(de, "+44 20 7031 3000"), equalTo("+442070313000"));
    assertThat("Arabic-Indic digits", outcome(de, "+٤٩ ٣٠ ١٢٣٤٥٦٧"), equalTo("+49301234567"));
    assertThat(outcome(de, null), equalTo("null"));
    assertThat(de.describe(), equalTo("phone: phone number to E.164 (national in DE)"));
  }

  @Test
  void invalidPhoneNumbersFailWithoutQuotingTheNumber() {
    PhoneE164 de = Standardizers.phoneE164("phone").withDefaultRegion("DE");
    String invalid =
        "standardize.phone: phone is not a valid phone number (international, with its country"
            + " code, or national in DE)";
    assertThat(outcome(de, "12"), equalTo(invalid));
    assertThat(outcome(de, "+49 30"), equalTo(invalid));
    assertThat(outcome(de, "call me"), equalTo(invalid));
    assertThat(outcome(de, ""), equalTo(invalid));
    assertThat(outcome(de, "+49 30 123456789012345678"), equalTo(invalid));
    assertThat(outcome(de, LONG), equalTo(invalid));
    assertThat(
        outcome(de, "+49 30 1234567 ext. 12"),
        equalTo("standardize.phone: phone has an extension, which E.164 cannot hold"));
    PhoneE164 international = Standardizers.phoneE164("phone");
    assertThat(outcome(international, "+49 30 1234567"), equalTo("+49301234567"));
    assertThat(
        outcome(international, "030 1234567"),
        equalTo(
            "standardize.phone: phone is not a valid phone number (international, with its"
                + " country code)"));
    assertThrows(IllegalArgumentException.class, () -> international.withDefaultRegion("XX"));
  }

  @Test
  void countriesByCodeOrEnglishNameBecomeAlpha2() {
    CountryCode country = Standardizers.countryCode("country");
    for (String text : new String[] {"DE", "de", " De ", "DEU", "deu", "Germany", "  GERMANY\t"}) {
      assertThat("[" + text + "]", outcome(country, text), equalTo("DE"));
    }
    assertThat(outcome(country, "United States"), equalTo("US"));
    assertThat(outcome(country, "usa"), equalTo("US"));
    assertThat(outcome(country, "united   kingdom"), equalTo("GB"));
    assertThat(outcome(country, "Cote d'Ivoire"), equalTo("CI"));
    assertThat(outcome(country, "CÔTE D\u2019IVOIRE"), equalTo("CI"));
    assertThat(outcome(country, "Åland Islands"), equalTo("AX"));
    assertThat(outcome(country, "na"), equalTo("NA"));
    assertThat("fixed-width padding", outcome(country, "Germany" + " ".repeat(200)), equalTo("DE"));
    assertThat(outcome(country, null), equalTo("null"));
    String invalid =
        "standardize.country: country is not a country (an ISO 3166-1 alpha-2 or alpha-3 code, or"
            + " an English name)";
    for (String text : new String[] {"UK", "Deutschland", "XX", "", "🇩🇪", LONG}) {
      assertThat(outcome(country, text), equalTo(invalid));
    }
  }

  @Test
  void everyCountryTheJdkKnowsIsFoundByEachOfItsNames() {
    CountryCode country = Standardizers.countryCode("country");
    for (String alpha2 : Locale.getISOCountries()) {
      Locale locale = new Locale("", alpha2);
      assertThat(outcome(country, alpha2.toLowerCase(Locale.ROOT)), equalTo(alpha2));
      assertThat(outcome(country, locale.getISO3Country()), equalTo(alpha2));
      assertThat(outcome(country, locale.getDisplayCountry(Locale.ENGLISH)), equalTo(alpha2));
    }
  }

  @Test
  void currenciesByCodeInAnyCaseOrAnUnambiguousSign() {
    CurrencyCode currency = Standardizers.currencyCode("currency");
    assertThat(outcome(currency, " eur "), equalTo("EUR"));
    assertThat(outcome(currency, "Jpy"), equalTo("JPY"));
    assertThat(outcome(currency, "€"), equalTo("EUR"));
    assertThat(outcome(currency, " ₹ "), equalTo("INR"));
    assertThat(outcome(currency, null), equalTo("null"));
    String invalid =
        "standardize.currency: currency is not an ISO 4217 currency code or a sign of one currency";
    for (String text : new String[] {"$", "£", "¥", "kr", "EURO", "XYZ", "", "€€", LONG}) {
      assertThat("[" + text + "]", outcome(currency, text), equalTo(invalid));
    }
  }

  @Test
  void emailsAreTrimmedWithTheDomainLowerCasedAndTheLocalPartKept() {
    EmailAddress email = Standardizers.email("email");
    assertThat(outcome(email, " Ann.Lee@Example.COM "), equalTo("Ann.Lee@example.com"));
    assertThat(outcome(email, "\"a@b\"@EXAMPLE.org"), equalTo("\"a@b\"@example.org"));
    assertThat(outcome(email, "Zoë@BÜCHER.de"), equalTo("Zoë@bücher.de"));
    assertThat(outcome(email, null), equalTo("null"));
    String invalid = "standardize.email: email is not an e-mail address (local@domain)";
    for (String text : new String[] {"ann.example.com", "@example.com", "ann@", "", "@"}) {
      assertThat("[" + text + "]", outcome(email, text), equalTo(invalid));
    }
    assertThat(outcome(email, LONG + "@X.ORG"), equalTo(LONG + "@x.org"));
  }

  @Test
  void booleansFromCommonTokensInAnyCase() {
    BooleanTokens active = Standardizers.booleanTokens("active");
    for (String text : new String[] {"true", "TRUE", " Yes ", "y", "1", "On"}) {
      assertThat("[" + text + "]", outcome(active, text), equalTo("true"));
    }
    for (String text : new String[] {"false", "No", "N", "0", "OFF "}) {
      assertThat("[" + text + "]", outcome(active, text), equalTo("false"));
    }
    assertThat(outcome(active, Boolean.TRUE), equalTo("true"));
    assertThat(outcome(active, null), equalTo("null"));
    String invalid =
        "standardize.boolean: active is not a boolean (one of 1, on, true, y, yes or 0, false, n,"
            + " no, off)";
    for (String text : new String[] {"maybe", "", "2", "ja", "yess", LONG}) {
      assertThat("[" + text + "]", outcome(active, text), equalTo(invalid));
    }
    BooleanTokens german = active.withTokens(List.of("ja"), List.of("nein"));
    assertThat(outcome(german, "JA"), equalTo("true"));
    assertThat(outcome(german, "Nein"), equalTo("false"));
    assertThat(outcome(german, "yes").startsWith("standardize.boolean"), equalTo(true));
    assertThrows(IllegalArgumentException.class, () -> active.withTokens(List.of("x"), List.of("X")));
    assertThat(active.outputType(FieldType.STRING), equalTo(FieldType.BOOLEAN.withNullable(true)));
  }
}
