package org.datamesh.examples.demo.mesh;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts what a writer writes into one table's file, then becomes its {@link TableLedger}. */
final class TableTally {

  private final String table;
  private final String file;
  private long records;
  private long duplicates;
  private long orphanedByParent;
  private final Map<String, Long> byStage = new TreeMap<>();
  private final Map<String, Long> byRule = new TreeMap<>();
  private final Map<String, Long> warnings = new TreeMap<>();
  private final Map<DefectKind, Long> injected = new EnumMap<>(DefectKind.class);

  TableTally(String table, String file) {
    this.table = table;
    this.file = file;
  }

  /** A clean record, published. */
  void clean() {
    records++;
  }

  /** A record with {@code kind} injected, ending as {@code outcome}. */
  void defect(DefectKind kind, Outcome outcome) {
    records++;
    injected.merge(kind, 1L, Long::sum);
    count(outcome);
  }

  /** A clean record sent again: one of the two is set aside as a duplicate. */
  void duplicate() {
    records++;
    duplicates++;
    injected.merge(DefectKind.DUPLICATE, 1L, Long::sum);
  }

  /** A clean record quarantined because the record it references was ({@code outcome}). */
  void orphanedByParent(Outcome outcome) {
    records++;
    orphanedByParent++;
    count(outcome);
  }

  private void count(Outcome outcome) {
    if (outcome.warning()) {
      warnings.merge(outcome.rule(), 1L, Long::sum);
    } else {
      byStage.merge(outcome.stage().name(), 1L, Long::sum);
      byRule.merge(outcome.rule(), 1L, Long::sum);
    }
  }

  long records() {
    return records;
  }

  TableLedger ledger() {
    return new TableLedger(
        table, file, records, duplicates, byStage, byRule, warnings, injected, orphanedByParent);
  }
}
