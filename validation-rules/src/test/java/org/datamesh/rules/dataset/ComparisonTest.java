package org.datamesh.rules.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every ODCS operator on a value that meets it and one that does not, at the boundaries. */
class ComparisonTest {

  @Test
  void everyOperatorPassesAndFailsAtItsBoundary() {
    assertThat(Comparison.mustBe(0).test(0), is(true));
    assertThat(Comparison.mustBe(0).test(1), is(false));
    assertThat(Comparison.mustNotBe(0).test(1), is(true));
    assertThat(Comparison.mustNotBe(0).test(0), is(false));
    assertThat(Comparison.mustBeGreaterThan(10).test(10.5), is(true));
    assertThat(Comparison.mustBeGreaterThan(10).test(10), is(false));
    assertThat(Comparison.mustBeGreaterOrEqualTo(10).test(10), is(true));
    assertThat(Comparison.mustBeGreaterOrEqualTo(10).test(9.99), is(false));
    assertThat(Comparison.mustBeLessThan(5).test(4.99), is(true));
    assertThat(Comparison.mustBeLessThan(5).test(5), is(false));
    assertThat(Comparison.mustBeLessOrEqualTo(5).test(5), is(true));
    assertThat(Comparison.mustBeLessOrEqualTo(5).test(5.01), is(false));
    assertThat(Comparison.mustBeBetween(1, 3).test(1), is(true));
    assertThat(Comparison.mustBeBetween(1, 3).test(3), is(true));
    assertThat(Comparison.mustBeBetween(1, 3).test(3.5), is(false));
    assertThat(Comparison.mustBeBetween(1, 3).test(0.5), is(false));
    assertThat(Comparison.mustNotBeBetween(1, 3).test(0.5), is(true));
    assertThat(Comparison.mustNotBeBetween(1, 3).test(3.5), is(true));
    assertThat(Comparison.mustNotBeBetween(1, 3).test(1), is(false));
    assertThat(Comparison.mustNotBeBetween(1, 3).test(2), is(false));
  }

  @Test
  void saysWhatIsExpectedWithoutNeedlessDecimals() {
    assertThat(Comparison.mustBe(0).expectation(), is("0"));
    assertThat(Comparison.mustNotBe(2).expectation(), is("not 2"));
    assertThat(Comparison.mustBeGreaterThan(1000).expectation(), is("> 1000"));
    assertThat(Comparison.mustBeGreaterOrEqualTo(0.5).expectation(), is(">= 0.5"));
    assertThat(Comparison.mustBeLessThan(1).expectation(), is("< 1"));
    assertThat(Comparison.mustBeLessOrEqualTo(5).expectation(), is("<= 5"));
    assertThat(Comparison.mustBeBetween(10, 20).expectation(), is("between 10 and 20"));
    assertThat(Comparison.mustNotBeBetween(10, 20).expectation(), is("not between 10 and 20"));
  }

  @Test
  void readsTheContractsOperatorsAndRefusesNoneOrSeveral() {
    assertThat(
        Comparison.fromOdcs(Map.of("mustBeLessOrEqualTo", new BigDecimal("5"))),
        is(Comparison.mustBeLessOrEqualTo(5)));
    assertThat(
        Comparison.fromOdcs(
            Map.of("mustNotBeBetween.min", BigDecimal.ONE, "mustNotBeBetween.max", BigDecimal.TEN)),
        is(Comparison.mustNotBeBetween(1, 10)));
    assertThat(Comparison.fromOdcs(Map.of()), is(nullValue()));
    assertThat(
        Comparison.fromOdcs(Map.of("mustBe", BigDecimal.ONE, "mustNotBe", BigDecimal.TEN)),
        is(nullValue()));
  }

  @Test
  void aRangeNeedsTheSmallerNumberFirst() {
    assertThrows(IllegalArgumentException.class, () -> Comparison.mustBeBetween(5, 1));
  }
}
