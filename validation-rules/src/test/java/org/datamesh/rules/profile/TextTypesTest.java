package org.datamesh.rules.profile;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** Which texts are recognized as which type: only what a product reads as that type. */
class TextTypesTest {

  private static void assertType(ProfiledType expected, String... texts) {
    for (String text : texts) {
      assertThat(text, TextTypes.of(text), is(expected));
    }
  }

  @Test
  void booleansAreTrueAndFalseOnly() {
    assertType(ProfiledType.BOOLEAN, "true", "FALSE", " True ");
    assertType(ProfiledType.INTEGER, "1", "0");
    assertType(ProfiledType.STRING, "yes", "no", "t");
  }

  @Test
  void integersHaveNoLeadingZeroAndFitSixtyFourBits() {
    assertType(ProfiledType.INTEGER, "42", "-7", "+3", " 12 ", "9223372036854775807");
    assertType(ProfiledType.NUMBER, "9223372036854775808");
    assertType(ProfiledType.STRING, "007", "00", "1_000", "١٢", "");
  }

  @Test
  void numbersArePlainDecimalNotation() {
    assertType(ProfiledType.NUMBER, "9.50", "-0.25", ".5", "5.", "1e3", "2.5E-7");
    assertType(ProfiledType.STRING, "00.5", "1e999", "NaN", "Infinity", "0x1p3", "1d", "1,5", ".");
  }

  @Test
  void datesAreIsoOrOneOfTheCommonLayouts() {
    assertType(ProfiledType.DATE, "2024-03-05", "05.03.2024", "05/03/2024", "12/31/2024");
    assertType(ProfiledType.STRING, "2024-02-30", "2024-3-5", "31.02.2024", "0000-01-01");
    assertThat(TextTypes.datePatterns("05/03/2024"), is(0b110));
    assertThat(TextTypes.datePatterns("31/12/2024"), is(0b010));
    assertThat(TextTypes.datePatterns("12/31/2024"), is(0b100));
  }

  @Test
  void timestampsAreIsoWithOrWithoutAnOffset() {
    assertType(
        ProfiledType.TIMESTAMP,
        "2024-03-05T10:15:30Z",
        "2024-03-05T10:15:30.123+01:00",
        "2024-03-05 10:15:30",
        "2024-03-05T10:15:30+01:00[Europe/Paris]");
    assertType(ProfiledType.STRING, "2024-03-05T25:00:00Z", "05.03.2024 10:15", "10:15:30");
  }

  @Test
  void typesJoinToTheLeastTypeReadingBoth() {
    assertThat(ProfiledType.INTEGER.join(ProfiledType.NUMBER), is(ProfiledType.NUMBER));
    assertThat(ProfiledType.DATE.join(ProfiledType.TIMESTAMP), is(ProfiledType.TIMESTAMP));
    assertThat(ProfiledType.BOOLEAN.join(ProfiledType.INTEGER), is(ProfiledType.STRING));
    assertThat(ProfiledType.INTEGER.join(ProfiledType.DATE), is(ProfiledType.STRING));
    assertThat(ProfiledType.OBJECT.join(ProfiledType.ARRAY), is(ProfiledType.STRING));
  }
}
