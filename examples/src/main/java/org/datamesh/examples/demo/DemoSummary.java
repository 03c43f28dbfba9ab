package org.datamesh.examples.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.datamesh.core.publish.Manifest;

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
    Manifest.Counts c = manifest.counts();
    out.printf(
        Locale.ROOT,
        "Published %s %s, run %s, on %s in %.1f s%n",
        manifest.product(),
        manifest.version(),
        manifest.runId(),
        runner,
        seconds);
    out.printf(Locale.ROOT, "  records in    %,10d%n", c.input());
    out.printf(Locale.ROOT, "  published     %,10d%n", c.published());
    out.printf(
        Locale.ROOT, "  quarantined   %,10d  %s%n", c.quarantined(), byStage(manifest.quality().failuresByStage()));
    out.printf(Locale.ROOT, "  deduplicated  %,10d%n", c.deduplicated());
    out.printf(
        Locale.ROOT,
        "  balance       %s%n",
        c.balances()
            ? "in = published + quarantined + deduplicated"
            : "DOES NOT BALANCE");
    List<String> differences = mismatches();
    out.println(
        "  expected      "
            + (differences.isEmpty()
                ? "matches the defects the generator injected"
                : "MISMATCH: " + String.join("; ", differences)));
    long warnings = manifest.quality().warningsByRule().values().stream().mapToLong(Long::longValue).sum();
    out.printf(Locale.ROOT, "  warnings      %,10d  %s%n", warnings, manifest.quality().warningsByRule());
    out.println("  manifest      " + productDir.resolve(Manifest.FILE_NAME));
    out.println(
        "  data          " + productDir.resolve("runs").resolve(manifest.runId())
            + " (" + files(manifest.files().size()) + ")");
    out.println(
        "  quarantine    " + productDir.resolve("quarantine").resolve(manifest.runId())
            + " (" + files(manifest.quarantineFiles().size()) + ")");
  }

  private static String files(int count) {
    return count + (count == 1 ? " Parquet file" : " Parquet files");
  }

  private static String byStage(Map<String, Long> byStage) {
    StringBuilder text = new StringBuilder();
    byStage.forEach(
        (stage, n) ->
            text.append(text.length() == 0 ? "(" : ", ")
                .append(stage.toLowerCase(Locale.ROOT))
                .append(' ')
                .append(String.format(Locale.ROOT, "%,d", n)));
    return text.length() == 0 ? "" : text.append(')').toString();
  }
}
