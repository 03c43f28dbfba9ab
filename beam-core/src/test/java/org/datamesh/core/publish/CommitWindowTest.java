package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.support.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows of a stream committed into a product's manifest, one at a time and again. */
class CommitWindowTest {

  private static final Schema SCHEMA = Schema.builder().addStringField("id").build();
  private static final long W1 = 1_764_583_200_000L; // 2025-12-01T10:00:00Z
  private static final long W2 = W1 + 60_000;
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  @TempDir Path out;

  private Path productDir() {
    return out.resolve("sales/items");
  }

  private CommitWindow commit(String runId) {
    return CommitWindow.of(PublishDataProductTest.PRODUCT, out.toString(), runId, "events", SCHEMA);
  }

  private static WindowFile written(CommitWindow commit, long start, int pane, String... ids)
      throws Exception {
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(Row.withSchema(SCHEMA).addValue(id).build());
    }
    return new WindowParquet(commit.dataDirectory(), SCHEMA, "events", false)
        .write(start, start + 60_000, pane, 0, rows);
  }

  private static ManifestWindow window(long start, long in, long published, long duplicates) {
    return new ManifestWindow(
        java.time.Instant.ofEpochMilli(start).toString(),
        java.time.Instant.ofEpochMilli(start + 60_000).toString(),
        new Manifest.Counts(in, published, 0, duplicates),
        new Manifest.Quality(Map.of(), Map.of(), Map.of()));
  }

  private List<Object> ids(Manifest.Table table) throws Exception {
    return DuckDb.query(
            "SELECT id FROM " + DuckDb.parquet(productDir(), table.files()) + " ORDER BY id")
        .stream()
        .map(r -> r.get("id"))
        .toList();
  }

  @Test
  void aWindowCommittedAgainReplacesItsEntryAndTheSameCommitChangesNothing() throws Exception {
    CommitWindow commit = commit("stream-1");
    WindowFile first = written(commit, W1, 0, "a", "b");
    commit.commit(window(W1, 3, 2, 1), List.of(first), OPTIONS);
    byte[] firstVersion = Files.readAllBytes(productDir().resolve(Manifest.FILE_NAME));
    commit.commit(window(W2, 1, 1, 0), List.of(written(commit, W2, 0, "c")), OPTIONS);
    byte[] before = Files.readAllBytes(productDir().resolve(Manifest.FILE_NAME));
    assertThat(
        "the version each commit replaced is kept, as a batch commit keeps it",
        Files.readAllBytes(productDir().resolve(Manifest.PREVIOUS_FILE_NAME)),
        equalTo(firstVersion));

    // a stream restored from a checkpoint commits the same window again: nothing changes
    commit.commit(window(W1, 3, 2, 1), List.of(first), OPTIONS);
    assertThat(Files.readAllBytes(productDir().resolve(Manifest.FILE_NAME)), equalTo(before));

    // a late pane: the window's entry is replaced by its new sums, never added to
    WindowFile late = written(commit, W1, 1, "d");
    commit.commit(window(W1, 4, 3, 1), List.of(first, late), OPTIONS);
    Manifest manifest = Manifest.read(productDir());
    Manifest.Table table = manifest.table("events");
    assertThat(manifest.runId(), equalTo("stream-1"));
    assertThat(table.counts(), equalTo(new Manifest.Counts(5, 4, 0, 1)));
    assertThat(table.windows(), hasSize(2));
    assertThat(table.windows().get(0).counts(), equalTo(new Manifest.Counts(4, 3, 0, 1)));
    assertThat(
        table.files(),
        contains(
            "runs/stream-1/events/window_start=20251201T100000Z/part-00000-pane-0.parquet",
            "runs/stream-1/events/window_start=20251201T100000Z/part-00000-pane-1.parquet",
            "runs/stream-1/events/window_start=20251201T100100Z/part-00000-pane-0.parquet"));
    assertThat(ids(table), contains("a", "b", "c", "d"));
    assertThat(Manifest.parse(Files.readAllBytes(productDir().resolve(Manifest.FILE_NAME))), equalTo(manifest));
  }

  @Test
  void untilAWindowHasRowsAnEmptyFileStandsInAndThenMakesWay() throws Exception {
    CommitWindow commit = commit("stream-1");
    commit.commit(window(W1, 2, 0, 2), List.of(), OPTIONS);
    Manifest.Table table = Manifest.read(productDir()).table("events");
    assertThat(table.files(), contains("runs/stream-1/events/empty.parquet"));
    assertThat(table.quarantineFiles(), contains("quarantine/stream-1/events/empty.parquet"));
    assertThat(ids(table), hasSize(0));

    commit.commit(window(W2, 1, 1, 0), List.of(written(commit, W2, 0, "x")), OPTIONS);
    table = Manifest.read(productDir()).table("events");
    assertThat(
        table.files(),
        contains("runs/stream-1/events/window_start=20251201T100100Z/part-00000-pane-0.parquet"));
    assertThat(ids(table), contains("x"));
  }

  @Test
  void aStreamReplacesTheVersionItStartedFromAndIsRefusedOnceAnotherRunCommitted()
      throws Exception {
    Pipeline batch = Pipeline.create(PipelineOptionsFactory.create());
    PublishDataProductTest.records(batch, 5)
        .apply(PublishDataProduct.of(PublishDataProductTest.PRODUCT).to(out.toString()).withRunId("run-a"));
    batch.run().waitUntilFinish();

    CommitWindow commit = commit("stream-1");
    commit.commit(window(W1, 1, 1, 0), List.of(written(commit, W1, 0, "a")), OPTIONS);
    Manifest streamed = Manifest.read(productDir());
    assertThat(streamed.runId(), equalTo("stream-1"));
    assertThat(streamed.superseded().get(0).runId(), equalTo("run-a"));
    assertThat(streamed.tables(), hasSize(1));

    Pipeline other = Pipeline.create(PipelineOptionsFactory.create());
    PublishDataProductTest.records(other, 5)
        .apply(PublishDataProduct.of(PublishDataProductTest.PRODUCT).to(out.toString()).withRunId("run-b"));
    other.run().waitUntilFinish();

    ConcurrentCommitException refused =
        assertThrows(
            ConcurrentCommitException.class,
            () -> commit.commit(window(W2, 1, 1, 0), List.of(written(commit, W2, 0, "b")), OPTIONS));
    assertThat(refused.committedRunId(), equalTo("run-b"));
    assertThat(Manifest.read(productDir()).runId(), equalTo("run-b"));
  }

  @Test
  void aBatchManifestsJsonHasNoWindows() throws Exception {
    Pipeline batch = Pipeline.create(PipelineOptionsFactory.create());
    PublishDataProductTest.records(batch, 5)
        .apply(PublishDataProduct.of(PublishDataProductTest.PRODUCT).to(out.toString()).withRunId("run-a"));
    batch.run().waitUntilFinish();

    String json = Files.readString(productDir().resolve(Manifest.FILE_NAME), StandardCharsets.UTF_8);
    assertThat(json, not(containsString("windows")));
    assertThat(Manifest.read(productDir()).onlyTable().windows(), hasSize(0));
  }

  @Test
  void aWindowsCommitRemovesTheTemporaryManifestsAKilledCommitLeft() throws Exception {
    CommitWindow commit = commit("stream-1");
    commit.commit(window(W1, 1, 1, 0), List.of(written(commit, W1, 0, "a")), OPTIONS);
    Path manifestLeft = productDir().resolve("." + Manifest.FILE_NAME + "4711.tmp");
    Path previousLeft = productDir().resolve("." + Manifest.PREVIOUS_FILE_NAME + "4712.tmp");
    Files.writeString(manifestLeft, "{\"runId\": \"half-writ", StandardCharsets.UTF_8);
    Files.writeString(previousLeft, "{", StandardCharsets.UTF_8);

    commit.commit(window(W2, 1, 1, 0), List.of(written(commit, W2, 0, "b")), OPTIONS);

    assertThat(Files.exists(manifestLeft), is(false));
    assertThat(Files.exists(previousLeft), is(false));
    assertThat(Manifest.read(productDir()).table("events").windows(), hasSize(2));
  }

  @Test
  void aWindowsFolderNamesItsStartWithoutColons() {
    assertThat(ManifestWindow.folder(W1), equalTo("window_start=20251201T100000Z"));
    assertThat(ManifestWindow.folder(W1 + 250), equalTo("window_start=20251201T100000.250Z"));
  }
}
