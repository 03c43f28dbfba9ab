package org.datamesh.core.standardize;

import static org.datamesh.core.standardize.Outcomes.outcome;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** Trim, case, white space, NFC, invisible characters and null tokens, one function each. */
class TextStandardizersTest {

  private static final String LONG = "x ".repeat(500_000);

  @Test
  void titleCaseStartsEachWordAfterSpaceHyphenOrApostrophe() {
    TextCase title = Standardizers.titleCase("name");
    assertThat(outcome(title, "  jean-luc O'NEIL "), equalTo("Jean-Luc O'Neil"));
    assertThat(outcome(title, "ÉLODIE d\u2019ARC"), equalTo("Élodie D\u2019Arc"));
    assertThat(outcome(title, "3RD avenue"), equalTo("3rd Avenue"));
    assertThat(outcome(title, "   "), equalTo("null"));
    assertThat(outcome(title, null), equalTo("null"));
    assertThat(title.describe(), equalTo("name: trimmed, title case"));
  }

  @Test
  void collapseTurnsEveryRunOfWhiteSpaceIntoOneSpaceAndTrims() {
    TextCleanup collapse = Standardizers.collapseWhitespace("name");
    assertThat(outcome(collapse, " \tAnne \u00A0 \n Marie\r\n"), equalTo("Anne Marie"));
    assertThat(outcome(collapse, "\u3000全角\u3000空白\u3000"), equalTo("全角 空白"));
    assertThat(outcome(collapse, "one"), equalTo("one"));
    assertThat(outcome(collapse, ""), equalTo(""));
    assertThat(outcome(collapse, null), equalTo("null"));
    assertThat(((String) apply(collapse, LONG)).length(), is(999_999));
  }

  @Test
  void nfcComposesCharactersSoEqualTextIsEqual() {
    TextCleanup nfc = Standardizers.normalizeNfc("name");
    String decomposed = "Ame\u0301lie";
    assertThat(outcome(nfc, decomposed), equalTo("Am\u00E9lie"));
    assertThat(outcome(nfc, "Am\u00E9lie"), equalTo("Am\u00E9lie"));
    assertThat(outcome(nfc, "\uD83D\uDE00 한국어"), equalTo("\uD83D\uDE00 한국어"));
    assertThat(outcome(nfc, "\u1112\u1161\u11AB"), equalTo("\uD55C"));
    assertThat(outcome(nfc, null), equalTo("null"));
  }

  @Test
  void stripControlRemovesControlAndZeroWidthCharactersButKeepsLinesAndJoiners() {
    TextCleanup strip = Standardizers.stripControl("note");
    assertThat(outcome(strip, "\uFEFFAn\u200Bne\u0000\u0007\u001B\u007F\u0085"), equalTo("Anne"));
    assertThat(outcome(strip, "line 1\r\n\tline 2"), equalTo("line 1\r\n\tline 2"));
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    assertThat(outcome(strip, family), equalTo(family));
    assertThat(outcome(strip, "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"),
        equalTo("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"));
    assertThat(outcome(strip, "\u200B"), equalTo(""));
    assertThat(outcome(strip, null), equalTo("null"));
    assertThat(apply(strip, LONG), equalTo(LONG));
  }

  @Test
  void nullTokensAreBlankAndTheDefaultOrGivenTokensInAnyCase() {
    NullTokens defaults = Standardizers.nullTokens("phone");
    for (String token : new String[] {"", "   ", "N/A", " n/a ", "NULL", "null", "-", "\u00A0"}) {
      assertThat("[" + token + "]", outcome(defaults, token), equalTo("null"));
    }
    assertThat(outcome(defaults, "NA"), equalTo("NA"));
    assertThat(outcome(defaults, " 030 1234 "), equalTo(" 030 1234 "));
    assertThat(outcome(defaults, "--"), equalTo("--"));
    assertThat(outcome(defaults, null), equalTo("null"));
    assertThat(apply(defaults, LONG), equalTo(LONG));

    NullTokens given = defaults.withTokens("?", "None", "İ");
    assertThat(outcome(given, "NONE"), equalTo("null"));
    assertThat(outcome(given, "?"), equalTo("null"));
    assertThat(outcome(given, "İ"), equalTo("null"));
    assertThat(outcome(given, "N/A"), equalTo("N/A"));
    assertThat(outcome(given, ""), equalTo("null"));
    assertThat(given.describe(), equalTo("phone: null tokens [?, i̇, none] and blank to null"));
  }

  @Test
  void textStandardizersRefuseFieldsThatAreNotText() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Standardizers.collapseWhitespace("n").outputType(FieldType.INT64));
    assertThat(e.getMessage(), containsString("n is not text"));
    assertThrows(
        IllegalArgumentException.class, () -> Standardizers.nullTokens("n").outputType(FieldType.DOUBLE));
    assertThat(
        Standardizers.stripControl("n").outputType(FieldType.STRING),
        equalTo(FieldType.STRING.withNullable(true)));
  }

  private static Object apply(FieldStandardizer standardizer, Object value) {
    try {
      return standardizer.apply(value, field -> null);
    } catch (StandardizationException e) {
      throw new AssertionError(e);
    }
  }
}
