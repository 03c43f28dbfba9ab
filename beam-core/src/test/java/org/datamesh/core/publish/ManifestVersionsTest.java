package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.datamesh.core.product.DataProduct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests of version 1 (one table at the top level) still read; version 2 lists tables. */
class ManifestVersionsTest {

  @TempDir Path folder;

  @Test
  void aVersionOneManifestReadsAsOneTableNamedAfterTheProduct() throws Exception {
    Files.writeString(
        folder.resolve(Manifest.FILE_NAME),
        "{\"manifestVersion\": 1, \"product\": \"sales.orders\", \"domain\": \"sales\","
            + " \"name\": \"orders\", \"version\": \"1.0.0\", \"runId\": \"r1\","
            + " \"committedAt\": \"2026-11-01T00:00:00Z\","
            + " \"schema\": [{\"name\": \"order_id\", \"type\": \"STRING\", \"nullable\": false}],"
            + " \"files\": [\"runs/r1/part-00000-of-00001.parquet\"],"
            + " \"quarantineFiles\": [\"quarantine/r1/part-00000-of-00001.parquet\"],"
            + " \"counts\": {\"input\": 3, \"published\": 2, \"quarantined\": 1, \"deduplicated\": 0},"
            + " \"quality\": {\"failuresByStage\": {\"PARSE\": 1}, \"failuresByRule\": {},"
            + " \"warningsByRule\": {}}}",
        StandardCharsets.UTF_8);

    Manifest manifest = Manifest.read(folder);

    assertThat(manifest.tables().size(), equalTo(1));
    Manifest.Table table = manifest.onlyTable();
    assertThat(table.name(), equalTo("orders"));
    assertThat(table.files(), contains("runs/r1/part-00000-of-00001.parquet"));
    assertThat(table.counts(), equalTo(new Manifest.Counts(3, 2, 1, 0)));
    assertThat(manifest.schema(), contains(new Manifest.Column("order_id", "STRING", false)));
    assertThat(manifest.files(), equalTo(table.files()));
  }

  @Test
  void versionTwoWritesTablesAndTheirSumsAndNothingAtTheTopLevelTwice() throws Exception {
    Manifest.Quality none = new Manifest.Quality(Map.of(), Map.of(), Map.of());
    Manifest manifest =
        Manifest.of(
            DataProduct.of("sales", "orders", "1.0.0"),
            "r2",
            "2026-12-01T00:00:00Z",
            List.of(
                new Manifest.Table(
                    "orders", List.of(), List.of("runs/r2/orders/a.parquet"), List.of(),
                    new Manifest.Counts(3, 2, 1, 0),
                    new Manifest.Quality(Map.of("PARSE", 1L), Map.of("parse.csv", 1L), Map.of())),
                new Manifest.Table(
                    "order_lines", List.of(), List.of("runs/r2/order_lines/b.parquet"), List.of(),
                    new Manifest.Counts(5, 4, 0, 1), none)));

    JsonNode json = Manifest.JSON.readTree(manifest.toJson());

    assertThat(json.get("manifestVersion").asInt(), equalTo(2));
    assertThat(json.get("tables").size(), equalTo(2));
    assertThat(json.has("files"), equalTo(false));
    assertThat(json.has("schema"), equalTo(false));
    assertThat(json.get("counts").get("input").asLong(), equalTo(8L));
    assertThat(json.get("quality").get("failuresByStage").get("PARSE").asLong(), equalTo(1L));
    Manifest back = Manifest.JSON.readValue(manifest.toJson(), Manifest.class);
    assertThat(back, equalTo(manifest));
    assertThat(back.files(), contains("runs/r2/orders/a.parquet", "runs/r2/order_lines/b.parquet"));
    IllegalStateException several = assertThrows(IllegalStateException.class, back::onlyTable);
    assertThat(several.getMessage(), containsString("2 tables"));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> back.table("refunds")).getMessage(),
        not(containsString("null")));
  }
}
