package org.datamesh.examples.demo.mesh;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the generator wrote into one source table's file, and what a correct run of the table's
 * contract must make of it.
 *
 * <pre>{@code
 * TableLedger orders = ledger.table("orders");
 * orders.records() == orders.published() + orders.quarantined() + orders.duplicates();
 * }</pre>
 *
 * @param table the contract's table name
 * @param file the file it was written to, in the generator's folder
 * @param records records in the file (CSV and JSON lines: lines after the header)
 * @param duplicates records a run sets aside as duplicates (re-sent copies)
 * @param quarantinedByStage quarantined records per stage name ({@code PARSE}, ...)
 * @param quarantinedByRule quarantined records per rule id (each breaks exactly one rule)
 * @param warningsByRule published records counted under a WARN rule (orphans of a warning relationship)
 * @param injected records per defect kind injected into this table (duplicates included)
 * @param orphanedByParent records quarantined only because the record they reference was
 *     (lines of a quarantined order), counted under the relationship's rule
 */
public record TableLedger(
    String table,
    String file,
    long records,
    long duplicates,
    Map<String, Long> quarantinedByStage,
    Map<String, Long> quarantinedByRule,
    Map<String, Long> warningsByRule,
    Map<DefectKind, Long> injected,
    long orphanedByParent) {

  public TableLedger {
    // Sorted, so printing a ledger gives the same text on every run.
    quarantinedByStage = Collections.unmodifiableMap(new TreeMap<>(quarantinedByStage));
    quarantinedByRule = Collections.unmodifiableMap(new TreeMap<>(quarantinedByRule));
    warningsByRule = Collections.unmodifiableMap(new TreeMap<>(warningsByRule));
    Map<DefectKind, Long> kinds = new EnumMap<>(DefectKind.class);
    kinds.putAll(injected);
    injected = Collections.unmodifiableMap(kinds);
  }

  /** Records a run quarantines. */
  public long quarantined() {
    return quarantinedByStage.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records a run publishes: {@code records - quarantined - duplicates}. */
  public long published() {
    return records - quarantined() - duplicates;
  }

  /** Records injected with {@code kind}; 0 when none. */
  public long injected(DefectKind kind) {
    return injected.getOrDefault(kind, 0L);
  }
}
