package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.demo.SampleLedger;

/** What a consumer of a product sees: the committed version, its files and its rows. */
final class CommittedVersion {

  private CommittedVersion() {}

  /**
   * The manifest in force is {@code expected}, every file it lists lies in its run's folder,
   * exists and is no writer's temporary file, and DuckDB reads the rows and failures it counts.
   */
  static void assertWholeAndReadable(Path productDir, Manifest expected) throws Exception {
    Manifest current = Manifest.read(productDir);
    assertThat("the expected run is committed", current.runId(), equalTo(expected.runId()));
    assertThat(current, equalTo(expected));
    assertPublished(productDir, current.files(), "runs/" + current.runId() + "/");
    assertPublished(productDir, current.quarantineFiles(), "quarantine/" + current.runId() + "/");
    assertThat(count(productDir, current.files()), equalTo(expected.counts().published()));
    assertThat(
        count(productDir, current.quarantineFiles()), equalTo(expected.counts().quarantined()));
  }

  /** The counts a run of the file {@code ledger} describes must commit. */
  static Manifest.Counts countsOf(SampleLedger ledger) {
    return new Manifest.Counts(
        ledger.records(), ledger.published(), ledger.quarantined(), ledger.duplicates());
  }

  /** The run folders under {@code <productDir>/<kind>}, sorted; empty when there is none. */
  static List<String> runFolders(Path productDir, String kind) throws IOException {
    Path folder = productDir.resolve(kind);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> runs = Files.list(folder)) {
      return runs.map(r -> r.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * Every run folder of the product, sorted, as {@code <kind>/<run-id>}: {@code
   * quarantine/20261121T053012Z-9f3a1c}, {@code runs/20261121T053012Z-9f3a1c}, ...
   */
  static List<String> allRunFolders(Path productDir) throws IOException {
    List<String> folders = new ArrayList<>();
    for (String kind : List.of("quality", "quarantine", "runs")) {
      runFolders(productDir, kind).forEach(runId -> folders.add(kind + "/" + runId));
    }
    return folders;
  }

  /** The hidden temporary manifests in the product's folder, sorted. */
  static List<String> temporaryManifests(Path productDir) throws IOException {
    try (Stream<Path> files = Files.list(productDir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith("." + Manifest.FILE_NAME) && name.endsWith(".tmp"))
          .sorted()
          .toList();
    }
  }

  private static void assertPublished(Path productDir, List<String> files, String runFolder) {
    for (String file : files) {
      assertThat(file, Files.isRegularFile(productDir.resolve(file)), is(true));
      assertThat(
          "no temporary file is published",
          file,
          allOf(startsWith(runFolder), not(containsString("/.")), not(containsString("temp"))));
    }
  }

  private static Object count(Path productDir, List<String> files) throws Exception {
    List<Map<String, Object>> rows =
        DuckDb.query("SELECT count(*) AS n FROM " + DuckDb.parquet(productDir, files));
    return rows.get(0).get("n");
  }
}
