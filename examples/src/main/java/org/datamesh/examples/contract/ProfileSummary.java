package org.datamesh.examples.contract;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.datamesh.rules.profile.ColumnProfile;
import org.datamesh.rules.profile.DatasetProfile;

/**
 * What {@code profile} prints: the counts, one line per column (type, values, nulls, distinct
 * values) and a warning per column no one type reads. Never a value: the contract file holds the
 * values of enumerations, the terminal does not.
 */
final class ProfileSummary {

  private final DatasetProfile profile;

  ProfileSummary(DatasetProfile profile) {
    this.profile = profile;
  }

  void print(PrintStream out, Path contract) {
    out.printf(
        Locale.ROOT,
        "Profiled %d records%s, %d columns; wrote %s%n",
        profile.records(),
        profile.unreadable() > 0
            ? " (and " + profile.unreadable() + " unreadable ones, which run would quarantine)"
            : "",
        profile.columns().size(),
        contract);
    out.printf(Locale.ROOT, "  %-24s %-10s %10s %10s %10s%n", "column", "type", "values", "nulls", "distinct");
    for (ColumnProfile column : profile.columns()) {
      String distinct =
          column.distinct() != null ? String.valueOf(column.distinct()) : "~" + column.approxDistinct();
      out.printf(
          Locale.ROOT,
          "  %-24s %-10s %10d %10d %10s%n",
          column.name(),
          column.type().logicalType(),
          column.values(),
          column.nulls(),
          distinct);
    }
    for (ColumnProfile column : profile.columns()) {
      if (!column.readable()) {
        out.println(
            "Warning: " + column.name() + " mixes JSON kinds no one type reads; its records whose"
                + " value is not a JSON string will fail at PARSE.");
      }
    }
  }
}
