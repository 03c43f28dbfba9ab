package org.datamesh.examples.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.cli.PublishedSummary;

/** The demo's report: what came in, where it went, and whether it matches what was generated. */
final class DemoSummary {

  private final Manifest manifest;
  private final SampleLedger expected;

  DemoSummary(Manifest manifest, SampleLedger expected) {
    this.manifest = manifest;
    this.expected = expected;
  }

  /** Where the published counts differ from the generator's ledger; empty when they all match. */
  List<String> mismatches() {
    List<String> differences = new ArrayList<>();
    Manifest.Counts counts = manifest.counts();
    compare(differences, "records in", expected.records(), counts.input());
    compare(differences, "published", expected.published(), counts.published());
    compare(differences, "quarantined", expected.quarantined(), counts.quarantined());
    compare(differences, "duplicates", expected.duplicates(), counts.deduplicated());
    if (!expected.quarantinedByStage().equals(manifest.quality().failuresByStage())) {
      differences.add(
          "quarantined by stage: expected " + expected.quarantinedByStage() + ", got "
              + manifest.quality().failuresByStage());
    }
    long warnings = manifest.quality().warningsByRule().getOrDefault("quantity.bulk", 0L);
    compare(differences, "bulk-quantity warnings", expected.bulkRecords(), warnings);
    return differences;
  }

  private static void compare(List<String> out, String what, long expected, long actual) {
    if (expected != actual) {
      out.add(what + ": expected " + expected + ", got " + actual);
    }
  }

  void print(PrintStream out, Path productDir, String runner, double seconds) {
    List<String> differences = mismatches();
    String expectedLine =
        "  expected      "
            + (differences.isEmpty()
                ? "matches the defects the generator injected"
                : "MISMATCH: " + String.join("; ", differences));
    new PublishedSummary(manifest, productDir.toString())
        .print(out, runner, seconds, List.of(expectedLine));
  }
}
