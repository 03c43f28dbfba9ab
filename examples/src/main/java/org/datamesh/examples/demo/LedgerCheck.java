package org.datamesh.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.demo.mesh.MeshLedger;
import org.datamesh.examples.demo.mesh.TableLedger;

/**
 * Whether each source table's published counts are exactly what the generator's ledger predicts
 * from the defects it injected: records in, published, quarantined (per stage), duplicates.
 */
final class LedgerCheck {

  private LedgerCheck() {}

  /** Where {@code manifest}'s tables differ from {@code ledger}; empty when all match. */
  static List<String> mismatches(Manifest manifest, MeshLedger ledger) {
    List<String> differences = new ArrayList<>();
    for (Manifest.Table table : manifest.tables()) {
      TableLedger expected = ledger.table(table.name());
      Manifest.Counts counts = table.counts();
      String at = manifest.product() + "." + table.name() + " ";
      compare(differences, at + "records in", expected.records(), counts.input());
      compare(differences, at + "published", expected.published(), counts.published());
      compare(differences, at + "quarantined", expected.quarantined(), counts.quarantined());
      compare(differences, at + "duplicates", expected.duplicates(), counts.deduplicated());
      Map<String, Long> stages = new TreeMap<>(table.quality().failuresByStage());
      if (!stages.equals(new TreeMap<>(expected.quarantinedByStage()))) {
        differences.add(
            at + "quarantined by stage: expected " + new TreeMap<>(expected.quarantinedByStage())
                + ", got " + stages);
      }
    }
    return differences;
  }

  private static void compare(List<String> out, String what, long expected, long actual) {
    if (expected != actual) {
      out.add(what + ": expected " + expected + ", got " + actual);
    }
  }
}
