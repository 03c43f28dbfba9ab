package org.datamesh.examples.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datamesh.examples.cli.DatameshCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/benchmarks.md comes from results.json, and its hand-written profiles survive regeneration. */
class BenchmarksDocTest {

  private static final String RESULTS =
      """
      {"generatedAt": "2026-11-22T02:00:00Z", "records": 20000, "directRecords": 2000,
       "warmupRecords": 1000, "seed": 42, "repeat": 3, "countsAgree": true,
       "goalsMet": 1, "goalsTotal": 2,
       "scenarios": [
         {"name": "library-vs-plain-java", "unit": "records/CPU-s", "value": 2281.5,
          "baseline": 68330.1, "ratio": 0.0334, "goal": ">= 0.5", "met": false,
          "countsAgree": true, "peakRssMb": 847, "baselinePeakRssMb": 139, "peakHeapMb": 399,
          "runner": "FlinkRunner (embedded) vs plain Java",
          "options": "--runner=FlinkRunner --parallelism=2 vs 1 thread"},
         {"name": "memory-10m", "unit": "s", "value": 612.25, "baseline": null, "ratio": null,
          "goal": "completes", "met": true, "countsAgree": true, "peakRssMb": 1500, "peakHeapMb": 1010,
          "baselinePeakRssMb": null, "runner": "FlinkRunner (embedded)",
          "options": "--parallelism=2; JVM -Xmx1g"}],
       "machine": {"cores": 2, "maxHeapMb": 6000, "javaVersion": "17.0.12", "os": "Linux"}}
      """;

  @TempDir Path folder;

  private static JsonNode results() throws Exception {
    return new ObjectMapper().readTree(RESULTS);
  }

  @Test
  void theDocumentHoldsTheTableTheMachineAndTheGoals() throws Exception {
    String doc = BenchmarksDoc.render(results(), null);

    assertThat(doc, containsString("| library-vs-plain-java | records/CPU-s | 2,282 | 68,330 | 0.03 | >= 0.5 | **no** | agree | 847 / 139 | 399 | FlinkRunner (embedded) vs plain Java |"));
    assertThat(doc, containsString("| memory-10m | s | 612 |  |  | completes | yes | agree | 1,500 | 1,010 |"));
    assertThat(doc, containsString("Goals met: 1 of 2. Missed: library-vs-plain-java."));
    assertThat(doc, containsString("- cores: 2"));
    assertThat(doc, containsString("- javaVersion: 17.0.12"));
    assertThat(doc, containsString("Measured 2026-11-22T02:00:00Z"));
    assertThat(doc, endsWith(BenchmarksDoc.profilesOf(null)));
  }

  @Test
  void theProfilesSectionIsKeptVerbatimAndTheRestIsRegenerated() throws Exception {
    String profiles =
        "## Profiles\n\nBefore: RowCoder 31% of CPU.\n\n### After\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    String stale = "# Benchmarks\n\nold table | 1 | 2 |\n\n" + profiles;

    String doc = BenchmarksDoc.render(results(), stale);

    assertThat(doc, endsWith("\n" + profiles));
    assertThat(doc, not(containsString("old table")));
    assertThat("regenerating again changes nothing", BenchmarksDoc.render(results(), doc), equalTo(doc));
  }

  @Test
  void benchReportWritesTheFileAndKeepsItsProfiles() throws Exception {
    Path results = folder.resolve("results.json");
    Files.writeString(results, RESULTS);
    Path out = folder.resolve("docs/benchmarks.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, "# old\n\n## Profiles\n\nkept text\n");

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int status =
        DatameshCli.run(
            new String[] {"bench-report", "--results=" + results, "--out=" + out},
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(printed.toString(StandardCharsets.UTF_8), status, is(0));
    String doc = Files.readString(out);
    assertThat(doc, containsString("| library-vs-plain-java |"));
    assertThat(doc, endsWith("## Profiles\n\nkept text\n"));
  }
}
