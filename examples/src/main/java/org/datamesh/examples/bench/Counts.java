package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.datamesh.examples.demo.SampleLedger;

/**
 * What a run did with its records, in the terms of the library's manifest: records in, published,
 * quarantined (per stage), set aside as duplicates, and WARN hits per rule. Every variant of a
 * scenario must report the same counts, or its figures compare different work.
 *
 * <pre>{@code
 * Counts library = Counts.fromManifest(productDir.resolve("_manifest.json"));
 * Counts expected = Counts.fromLedger(ledger);
 * library.equals(expected);
 * }</pre>
 */
record Counts(
    long input,
    long published,
    long quarantined,
    long deduplicated,
    Map<String, Long> failuresByStage,
    Map<String, Long> warningsByRule) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Sorted copies without zero entries, so "no warnings" compares equal however it is written. */
  Counts {
    failuresByStage = withoutZeros(failuresByStage);
    warningsByRule = withoutZeros(warningsByRule);
  }

  /** Rows only: what the publication scenario's two sides are compared on. */
  static Counts rows(long rows) {
    return new Counts(rows, rows, 0, 0, Map.of(), Map.of());
  }

  /** What the generator says a correct run of its file must report. */
  static Counts fromLedger(SampleLedger ledger) {
    return new Counts(
        ledger.records(),
        ledger.published(),
        ledger.quarantined(),
        ledger.duplicates(),
        ledger.quarantinedByStage(),
        Map.of("quantity.bulk", ledger.bulkRecords()));
  }

  /** The counts a committed {@code _manifest.json} holds. */
  static Counts fromManifest(Path manifest) throws IOException {
    JsonNode root = JSON.readTree(manifest.toFile());
    JsonNode counts = root.path("counts");
    JsonNode quality = root.path("quality");
    return new Counts(
        counts.path("input").asLong(),
        counts.path("published").asLong(),
        counts.path("quarantined").asLong(),
        counts.path("deduplicated").asLong(),
        longs(quality.path("failuresByStage")),
        longs(quality.path("warningsByRule")));
  }

  static Counts fromJson(JsonNode node) {
    return new Counts(
        node.path("input").asLong(),
        node.path("published").asLong(),
        node.path("quarantined").asLong(),
        node.path("deduplicated").asLong(),
        longs(node.path("failuresByStage")),
        longs(node.path("warningsByRule")));
  }

  ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("input", input).put("published", published).put("quarantined", quarantined);
    node.put("deduplicated", deduplicated);
    failuresByStage.forEach(node.putObject("failuresByStage")::put);
    warningsByRule.forEach(node.putObject("warningsByRule")::put);
    return node;
  }

  private static Map<String, Long> longs(JsonNode object) {
    Map<String, Long> values = new TreeMap<>();
    object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asLong()));
    return values;
  }

  private static Map<String, Long> withoutZeros(Map<String, Long> values) {
    Map<String, Long> kept = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (value != null && value != 0) {
            kept.put(key, value);
          }
        });
    return kept;
  }
}
