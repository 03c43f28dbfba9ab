package org.datamesh.examples.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.datamesh.core.publish.Manifest;

/**
 * What a command prints after publishing: the committed manifest's counts, whether they balance,
 * failures by stage, warnings by rule, and where the manifest, data and quarantine are. Read from
 * the manifest, not from the pipeline, so it shows exactly what consumers see.
 */
public final class PublishedSummary {

  private final Manifest manifest;
  private final String productDir;

  /** The summary of {@code manifest}, published in {@code productDir} (a folder, an S3 URI). */
  public PublishedSummary(Manifest manifest, String productDir) {
    this.manifest = manifest;
    this.productDir = productDir.endsWith("/") ? productDir : productDir + "/";
  }

  /** Prints the summary; {@code checks} (whole lines) follow the balance line. */
  public void print(PrintStream out, String runner, double seconds, List<String> checks) {
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
        Locale.ROOT,
        "  quarantined   %,10d  %s%n",
        c.quarantined(),
        byStage(manifest.quality().failuresByStage()));
    out.printf(Locale.ROOT, "  deduplicated  %,10d%n", c.deduplicated());
    out.printf(
        Locale.ROOT,
        "  balance       %s%n",
        c.balances() ? "in = published + quarantined + deduplicated" : "DOES NOT BALANCE");
    if (manifest.tables().size() > 1) {
      for (Manifest.Table table : manifest.tables()) {
        Manifest.Counts t = table.counts();
        out.printf(
            Locale.ROOT,
            "  table %-12s in %,d = published %,d + quarantined %,d + deduplicated %,d%n",
            table.name(), t.input(), t.published(), t.quarantined(), t.deduplicated());
      }
    }
    checks.forEach(out::println);
    long warnings =
        manifest.quality().warningsByRule().values().stream().mapToLong(Long::longValue).sum();
    out.printf(
        Locale.ROOT, "  warnings      %,10d  %s%n", warnings, manifest.quality().warningsByRule());
    out.println("  manifest      " + productDir + Manifest.FILE_NAME);
    out.println(
        "  data          " + productDir + "runs/" + manifest.runId()
            + " (" + files(manifest.files().size()) + ")");
    out.println(
        "  quarantine    " + productDir + "quarantine/" + manifest.runId()
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
