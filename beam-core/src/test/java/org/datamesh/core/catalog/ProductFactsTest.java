package org.datamesh.core.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductFactsTest {

  @TempDir Path dir;

  @Test
  void holdsTheContractsOwnerColumnsAndPromises() throws Exception {
    ProductFacts facts = ProductFacts.of(CatalogFixtures.contract());

    assertThat(facts.product(), equalTo("crm.contacts"));
    assertThat(facts.version(), equalTo("2.1.0"));
    assertThat(facts.owner(), equalTo("crm-team"));
    assertThat(facts.description(), equalTo("Every contact of the CRM, one row per contact."));
    ProductFacts.TableFacts table = facts.table("contacts").orElseThrow();
    assertThat(table.description(), equalTo("Contacts, cleansed."));
    assertThat(
        table.fields(),
        contains(
            new ProductFacts.FieldFacts("contact_id", "string", true, null, null, null),
            new ProductFacts.FieldFacts("email", "string", false, "restricted", "tokenize", null),
            new ProductFacts.FieldFacts("age", "integer", false, null, null, "Age in years.")));
    assertThat(table.field("email").sensitive(), is(true));
    assertThat(table.field("age").sensitive(), is(false));
    assertThat(
        facts.serviceLevels(),
        contains(
            new ProductFacts.ServiceLevel("freshness", 3_600_000L, "operational"),
            new ProductFacts.ServiceLevel("latency", 1_800_000L, "analytics"),
            new ProductFacts.ServiceLevel("retention", 2_592_000_000L, null)));
  }

  @Test
  void isWrittenBesideTheManifestAndReadBack() throws Exception {
    ProductFacts facts = ProductFacts.of(CatalogFixtures.contract());
    var directory = FileSystems.matchNewResource(dir.resolve("crm/contacts").toString(), true);

    assertThat(ProductFacts.readIfPresent(directory), equalTo(Optional.empty()));
    facts.write(directory);

    assertThat(ProductFacts.readIfPresent(directory), equalTo(Optional.of(facts)));
    assertThat(ProductFacts.readIfPresent(directory).get().serviceLevel("latency").get().driver(),
        equalTo("analytics"));
    assertThat(facts.serviceLevel("availability"), equalTo(Optional.empty()));
    assertThat(facts.table("nope").isPresent(), is(false));
    assertThat(facts.table("contacts").get().field("nope"), nullValue());
  }
}
