package org.datamesh.rules.dataset;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Violation;

/**
 * Metrics of a table's quarantined records: {@code quarantined}, and per column {@code
 * invalidQuarantined(<column>)}, the records quarantined with a violation on the column other
 * than a not-null rule (a value that was there and was wrong, at any stage: not parsable, not
 * standardizable, breaking a rule). A record counts once per column however many of its rules
 * it broke there.
 */
final class FailureMetrics extends DoFn<Failure, KV<String, Double>> {

  static final String QUARANTINED = "quarantined";

  private static final Pattern ITEM = Pattern.compile("\\[\\d+\\]");

  private final List<String> columns;

  FailureMetrics(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  /** The metric of quarantined invalid values of {@code column}. */
  static String invalid(String column) {
    return "invalidQuarantined(" + column + ")";
  }

  @ProcessElement
  public void process(@Element Failure failure, OutputReceiver<KV<String, Double>> out) {
    out.output(KV.of(QUARANTINED, 1.0));
    Set<String> counted = new HashSet<>();
    for (Violation violation : failure.violations()) {
      // a nested rule names the item it found broken (lines[3].sku); its check, the path (lines[].sku)
      String field =
          violation.field() == null ? null : ITEM.matcher(violation.field()).replaceAll("[]");
      if (field != null
          && columns.contains(field)
          && !violation.ruleId().endsWith("not_null")
          && counted.add(field)) {
        out.output(KV.of(invalid(field), 1.0));
      }
    }
  }
}
