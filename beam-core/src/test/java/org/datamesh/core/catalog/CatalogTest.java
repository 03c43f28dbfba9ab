package org.datamesh.core.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.datamesh.core.contract.ContractLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private JsonNode refresh() throws Exception {
    Catalog.refresh(out.toString());
    return JSON.readTree(out.resolve(Catalog.FILE_NAME).toFile());
  }

  private static List<String> ids(JsonNode catalog) {
    List<String> ids = new ArrayList<>();
    catalog.get("products").forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  @Test
  void listsEveryProductUnderTheOutputAndForgetsADeletedOne() throws Exception {
    ProductFacts facts = ProductFacts.of(CatalogFixtures.contract());
    CatalogFixtures.publish(
        out, CatalogFixtures.manifest("crm", "contacts", "20261121T050000Z-aaaaaa", "2026-11-21T05:01:00Z"),
        facts);
    Path other =
        CatalogFixtures.publish(
            out, CatalogFixtures.manifest("sales", "leads", "20261121T060000Z-bbbbbb", "2026-11-21T06:01:00Z"),
            null);

    assertThat(ids(refresh()), contains("crm.contacts", "sales.leads"));

    try (Stream<Path> files = Files.walk(other)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
    JsonNode catalog = refresh();
    assertThat(ids(catalog), contains("crm.contacts"));
    // Written whole through a temporary file: nothing else is left beside it.
    try (Stream<Path> files = Files.list(out)) {
      assertThat(
          files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
          empty());
    }
  }

  @Test
  void anEntryHoldsOwnerSchemaWithProtectionFreshnessQualityAndLinks() throws Exception {
    CatalogFixtures.publish(
        out, CatalogFixtures.manifest("crm", "contacts", "20261121T050000Z-aaaaaa", "2026-11-21T05:01:00Z"),
        ProductFacts.of(CatalogFixtures.contract()));

    JsonNode entry = refresh().get("products").get(0);

    assertThat(entry.get("owner").asText(), equalTo("crm-team"));
    assertThat(entry.get("version").asText(), equalTo("2.1.0"));
    assertThat(entry.get("description").asText(), equalTo("Every contact of the CRM, one row per contact."));
    JsonNode email = entry.get("tables").get(0).get("schema").get(1);
    assertThat(email.get("name").asText(), equalTo("email"));
    assertThat(email.get("required").asBoolean(), is(false));
    assertThat(email.get("classification").asText(), equalTo("restricted"));
    assertThat(email.get("protection").asText(), equalTo("tokenize"));
    // Committed in 2026 against a one-hour promise, checked now: stale.
    assertThat(entry.get("freshness").get("status").asText(), equalTo("stale"));
    assertThat(entry.get("freshness").get("promisedSeconds").asLong(), equalTo(3600L));
    assertThat(entry.get("counts").get("published").asLong(), equalTo(3L));
    assertThat(entry.get("quality").get("failedChecks").size(), equalTo(0));
    assertThat(entry.get("builtFrom").size(), equalTo(0));
    assertThat(entry.get("links").get("manifest").asText(), equalTo("crm/contacts/_manifest.json"));
    assertThat(entry.get("links").get("facts").asText(), equalTo("crm/contacts/_product.json"));
    assertThat(
        entry.get("tables").get(0).get("files").get(0).asText(),
        equalTo("crm/contacts/runs/20261121T050000Z-aaaaaa/contacts/part-0.parquet"));
  }

  @Test
  void namesWhatEachProductIsBuiltFromAndWhatItFeeds() throws Exception {
    ProductFacts source = ProductFacts.of(CatalogFixtures.contract());
    ProductFacts consumer =
        ProductFacts.of(
            ContractLoader.parse(
                CatalogFixtures.CONTRACT
                    .replace("dataProduct: contacts", "dataProduct: reach")
                    .replace(
                        "schema:",
                        "customProperties:\n  - property: builtFrom\n    value: [crm/contacts]\nschema:"),
                "reach.yaml"));
    CatalogFixtures.publish(
        out, CatalogFixtures.manifest("crm", "contacts", "20261121T050000Z-aaaaaa", "2026-11-21T05:01:00Z"),
        source);
    CatalogFixtures.publish(
        out, CatalogFixtures.manifest("crm", "reach", "20261121T060000Z-bbbbbb", "2026-11-21T06:01:00Z"),
        consumer);

    JsonNode products = refresh().get("products");

    assertThat(products.get(0).get("id").asText(), equalTo("crm.contacts"));
    assertThat(products.get(0).get("builtFrom").size(), equalTo(0));
    assertThat(products.get(0).get("feeds").get(0).asText(), equalTo("crm.reach"));
    assertThat(products.get(1).get("builtFrom").get(0).asText(), equalTo("crm.contacts"));
    assertThat(products.get(1).get("feeds").size(), equalTo(0));
  }

  @Test
  void aBrokenManifestIsNamedAndHidesNoOtherProduct() throws Exception {
    CatalogFixtures.publish(
        out, CatalogFixtures.manifest("crm", "contacts", "20261121T050000Z-aaaaaa", "2026-11-21T05:01:00Z"),
        null);
    Files.createDirectories(out.resolve("sales/broken"));
    Files.writeString(out.resolve("sales/broken/_manifest.json"), "{\"cut short");

    JsonNode catalog = refresh();

    assertThat(ids(catalog), contains("crm.contacts"));
    assertThat(catalog.get("unreadable").get(0).get("path").asText(), equalTo("sales/broken"));
    assertThat(catalog.get("unreadable").get(0).get("problem").asText(), containsString("Unreadable"));
    // Without facts the entry is still there, with what the manifest tells.
    JsonNode entry = catalog.get("products").get(0);
    assertThat(entry.get("owner").isNull(), is(true));
    assertThat(entry.get("freshness").get("status").asText(), equalTo("unknown"));
  }
}
