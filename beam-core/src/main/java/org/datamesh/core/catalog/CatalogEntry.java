package org.datamesh.core.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.quality.CheckResult;

/**
 * One product's entry in {@code catalog.json}: identity and owner, freshness, counts, quality,
 * tables with their columns, lineage neighbours and links, all from its manifest and facts.
 *
 * <p>{@code builtFrom} and {@code feeds} name the products (ids) this one is built from, as its
 * contract's {@code builtFrom} declares, and those of the output that declare they are built from
 * it. A contract's {@code relationships} are foreign keys, not inputs, and do not count.
 */
final class CatalogEntry {

  private CatalogEntry() {}

  static Map<String, Object> of(
      PublishedProduct product, List<PromiseResult> sla, List<String> feeds, Instant now) {
    Manifest manifest = product.manifest();
    ProductFacts facts = product.facts().orElse(null);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", manifest.product());
    entry.put("domain", manifest.domain());
    entry.put("name", manifest.name());
    entry.put("version", manifest.version());
    entry.put("owner", facts == null ? null : facts.owner());
    entry.put("description", facts == null ? null : facts.description());
    entry.put("status", facts == null ? null : facts.status());
    entry.put("contractId", facts == null ? null : facts.contractId());
    entry.put("path", product.path());
    entry.put("runId", manifest.runId());
    entry.put("committedAt", manifest.committedAt());
    entry.put("freshness", freshness(manifest, sla, now));
    entry.put("serviceLevels", sla);
    entry.put("counts", manifest.counts());
    entry.put("quality", quality(manifest));
    List<Map<String, Object>> tables = new ArrayList<>();
    for (Manifest.Table table : manifest.tables()) {
      tables.add(table(product, table, facts));
    }
    entry.put("tables", tables);
    entry.put("builtFrom", facts == null ? List.of() : facts.builtFrom());
    entry.put("feeds", feeds);
    entry.put("links", links(product));
    return entry;
  }

  private static Map<String, Object> freshness(
      Manifest manifest, List<PromiseResult> sla, Instant now) {
    Map<String, Object> freshness = new LinkedHashMap<>();
    freshness.put("status", Catalog.freshness(sla));
    freshness.put("lastCommit", manifest.committedAt());
    freshness.put(
        "ageSeconds",
        ServiceLevelCheck.committedAt(manifest)
            .map(at -> Duration.between(at, now).toSeconds())
            .orElse(null));
    freshness.put(
        "promisedSeconds",
        sla.stream()
            .filter(r -> r.property().equals("freshness") && r.promisedMillis() != null)
            .map(r -> r.promisedMillis() / 1000)
            .findFirst()
            .orElse(null));
    return freshness;
  }

  private static Map<String, Object> quality(Manifest manifest) {
    Map<String, Object> quality = new LinkedHashMap<>();
    quality.put("score", manifest.quality().score());
    quality.put(
        "failedChecks",
        manifest.quality().checks().stream()
            .filter(c -> !c.passed())
            .map(CheckResult::describe)
            .toList());
    quality.put("failuresByStage", manifest.quality().failuresByStage());
    quality.put("warningsByRule", manifest.quality().warningsByRule());
    return quality;
  }

  private static Map<String, Object> table(
      PublishedProduct product, Manifest.Table table, ProductFacts facts) {
    ProductFacts.TableFacts known = facts == null ? null : facts.table(table.name()).orElse(null);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", table.name());
    entry.put("description", known == null ? null : known.description());
    entry.put("counts", table.counts());
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Manifest.Column column : table.schema()) {
      ProductFacts.FieldFacts field = known == null ? null : known.field(column.name());
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", column.name());
      c.put("type", column.type());
      c.put("required", !column.nullable());
      c.put("classification", field == null ? null : field.classification());
      c.put("protection", field == null ? null : field.protection());
      c.put("description", field == null ? null : field.description());
      columns.add(c);
    }
    entry.put("schema", columns);
    entry.put("files", table.files().stream().map(f -> product.path() + "/" + f).toList());
    entry.put(
        "quarantine", table.quarantineFiles().stream().map(f -> product.path() + "/" + f).toList());
    return entry;
  }

  private static Map<String, Object> links(PublishedProduct product) {
    String base = product.path() + "/";
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("manifest", base + Manifest.FILE_NAME);
    links.put("facts", product.facts().isPresent() ? base + ProductFacts.FILE_NAME : null);
    links.put("run", base + "runs/" + product.manifest().runId() + "/");
    links.put("quarantine", base + "quarantine/" + product.manifest().runId() + "/");
    // Quality files are written only for products with dataset checks.
    boolean checked = !product.manifest().quality().checks().isEmpty();
    links.put(
        "report", checked ? base + "quality/" + product.manifest().runId() + "/report.json" : null);
    links.put("history", checked ? base + "quality/history.jsonl" : null);
    return links;
  }
}
