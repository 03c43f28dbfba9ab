package org.datamesh.examples.contract;

import static org.hamcrest.Matchers.hasItems;

import java.util.Locale;
import org.datamesh.examples.demo.SampleLedger;
import org.hamcrest.Matcher;

/** The counts {@code datamesh run} prints after publishing, as lines of its output. */
final class PrintedCounts {

  private PrintedCounts() {}

  /**
   * Matches the lines of a run's output when its summary shows the counts of {@code ledger}.
   *
   * <pre>{@code
   * assertThat(run.log().lines().toList(), PrintedCounts.of(ledger));
   * // "  records in           500", "  published            431", ...
   * }</pre>
   */
  static Matcher<Iterable<String>> of(SampleLedger ledger) {
    return hasItems(
        line("records in", ledger.records()),
        line("published", ledger.published()),
        line("deduplicated", ledger.duplicates()),
        "  balance       in = published + quarantined + deduplicated");
  }

  private static String line(String label, long n) {
    return String.format(Locale.ROOT, "  %-13s %,10d", label, n);
  }
}
