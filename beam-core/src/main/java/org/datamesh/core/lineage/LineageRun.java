package org.datamesh.core.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.catalog.ProductFacts;
import org.datamesh.core.product.RunId;
import org.datamesh.core.publish.Manifest;

/**
 * The OpenLineage RunEvents of one run of one product: {@link #start}, then {@link #complete} or
 * {@link #fail}. The job is the product ({@code datamesh}, {@code sales.orders}); each table read
 * is an input dataset, each table published an output dataset; the run id is a UUID derived from
 * the product and the run's own id (its time first, as in a UUIDv7), so every event of a run, and
 * anyone who knows the run id, names the same run.
 *
 * <pre>{@code
 * LineageRun lineage = LineageRun.of(facts, "/data/mesh/sales/orders", runId, "FlinkRunner")
 *     .withInput("orders", "/exports/orders-*.csv");
 * JsonNode start = lineage.start(Instant.now());
 * JsonNode done = lineage.complete(Instant.now(), manifest, report, bytesByTable);
 * }</pre>
 */
public final class LineageRun {

  /** Who produced the events: this project. */
  public static final String PRODUCER = "https://github.com/datamesh-beam/datamesh-beam";

  /** The OpenLineage spec version the events follow. */
  public static final String SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

  /** The job namespace of every product's run. */
  public static final String JOB_NAMESPACE = "datamesh";

  private final ProductFacts facts;
  private final String productLocation;
  private final String runId;
  private final String runner;
  private final Map<String, String> inputs;

  private LineageRun(
      ProductFacts facts,
      String productLocation,
      String runId,
      String runner,
      Map<String, String> inputs) {
    this.facts = facts;
    this.productLocation = productLocation.endsWith("/") ? productLocation : productLocation + "/";
    this.runId = runId;
    this.runner = runner;
    this.inputs = Map.copyOf(inputs);
  }

  /** The events of run {@code runId} of the product {@code facts} describe, published in {@code productLocation}. */
  public static LineageRun of(ProductFacts facts, String productLocation, String runId, String runner) {
    return new LineageRun(facts, productLocation, runId, runner, Map.of());
  }

  /**
   * Returns a run like this one that reads {@code table} from {@code location} (a path or glob):
   * for a product read from files, {@code table} is its own table the file holds; for a product
   * built from other products, it is the table read ({@code sales/orders/orders}) and {@code
   * location} that table's dataset, as its own product's events name it.
   */
  public LineageRun withInput(String table, String location) {
    Map<String, String> more = new LinkedHashMap<>(inputs);
    more.put(table, location);
    return new LineageRun(facts, productLocation, runId, runner, more);
  }

  /** The OpenLineage run id: a UUID made from the product and the run's id. */
  public UUID runUuid() {
    long millis = RunId.startedAt(runId).map(Instant::toEpochMilli).orElse(0L);
    byte[] hash = sha256(facts.product() + "/" + runId);
    ByteBuffer bytes = ByteBuffer.wrap(hash);
    long random = bytes.getLong(0);
    long msb = (millis << 16) | 0x7000L | (random & 0x0FFFL);
    long lsb = (bytes.getLong(8) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** The START event: what the run reads and will publish. */
  public ObjectNode start(Instant at) {
    ObjectNode event = event("START", at);
    for (ProductFacts.TableFacts table : facts.tables()) {
      output(event, table);
    }
    return event;
  }

  /**
   * The COMPLETE event of a run whose commit put {@code manifest} in force.
   *
   * @param report the run's {@code quality/<run>/report.json}, null when it has no checks
   * @param bytesByTable the bytes of each table's published files
   */
  public ObjectNode complete(
      Instant at, Manifest manifest, @Nullable JsonNode report, Map<String, Long> bytesByTable) {
    ObjectNode event = event("COMPLETE", at);
    for (ProductFacts.TableFacts table : facts.tables()) {
      ObjectNode output = output(event, table);
      Manifest.Table published = manifest.findTable(table.name()).orElse(null);
      if (published == null) {
        continue;
      }
      JsonNode reported = reportTable(report, table.name());
      Map<String, Double> metrics = metrics(reported);
      ObjectNode facets = (ObjectNode) output.get("facets");
      facets.set("version", LineageFacets.version(runId, facts.version()));
      facets.set(
          "dataQualityMetrics",
          LineageFacets.qualityMetrics(published.counts().published(), metrics, table));
      facets.set(
          "dataQualityAssertions",
          LineageFacets.assertions(
              reported == null ? null : reported.get("checks"),
              published.quality().failuresByRule(),
              table));
      output
          .putObject("outputFacets")
          .set(
              "outputStatistics",
              LineageFacets.outputStatistics(
                  published.counts().published(),
                  bytesByTable.getOrDefault(table.name(), 0L),
                  published.files().size()));
      inputMetrics(event, table.name(), published.counts().input());
    }
    return event;
  }

  /**
   * The FAIL event, with {@code message} as the errorMessage run facet; when the run's report is
   * there (a failed quality gate writes one), its checks are the outputs' assertions.
   */
  public ObjectNode fail(Instant at, String message, @Nullable JsonNode report) {
    ObjectNode event = event("FAIL", at);
    ((ObjectNode) event.get("run").get("facets"))
        .set("errorMessage", LineageFacets.errorMessage(message));
    for (ProductFacts.TableFacts table : facts.tables()) {
      ObjectNode output = output(event, table);
      JsonNode reported = reportTable(report, table.name());
      if (reported != null) {
        Map<String, Long> byRule = new LinkedHashMap<>();
        reported.path("failuresByRule").fields()
            .forEachRemaining(e -> byRule.put(e.getKey(), e.getValue().asLong()));
        ((ObjectNode) output.get("facets"))
            .set("dataQualityAssertions", LineageFacets.assertions(reported.get("checks"), byRule, table));
      }
    }
    return event;
  }

  private ObjectNode event(String type, Instant at) {
    ObjectNode event = LineageFacets.NODES.objectNode();
    event.put("eventType", type);
    event.put("eventTime", at.toString());
    event.put("producer", PRODUCER);
    event.put("schemaURL", SCHEMA_URL);
    ObjectNode run = event.putObject("run").put("runId", runUuid().toString());
    run.putObject("facets")
        .set(
            "processing_engine",
            LineageFacets.processingEngine(ReleaseInfo.getReleaseInfo().getVersion(), runner));
    ObjectNode job = event.putObject("job").put("namespace", JOB_NAMESPACE).put("name", facts.product());
    job.putObject("facets").set("jobType", LineageFacets.jobType());
    ArrayNode in = event.putArray("inputs");
    inputs.values().stream()
        .map(LineageNames::of)
        .distinct()
        .forEach(
            names -> {
              ObjectNode input = in.addObject().put("namespace", names.namespace()).put("name", names.name());
              input.putObject("facets").set("dataSource", LineageFacets.dataSource(names.namespace()));
            });
    event.putArray("outputs");
    return event;
  }

  /** Adds the output dataset of {@code table} with the facets every event carries. */
  private ObjectNode output(ObjectNode event, ProductFacts.TableFacts table) {
    LineageNames names = LineageNames.of(productLocation + table.name());
    ObjectNode output =
        ((ArrayNode) event.get("outputs"))
            .addObject()
            .put("namespace", names.namespace())
            .put("name", names.name());
    ObjectNode facets = output.putObject("facets");
    facets.set("schema", LineageFacets.schema(table));
    facets.set("dataSource", LineageFacets.dataSource(names.namespace()));
    String description = table.description() != null ? table.description() : facts.description();
    if (description != null) {
      facets.set("documentation", LineageFacets.documentation(description));
    }
    if (facts.owner() != null) {
      facets.set("ownership", LineageFacets.ownership(facts.owner()));
    }
    String sameNamed = inputs.get(table.name());
    Map<String, LineageNames> read = new LinkedHashMap<>();
    inputs.forEach((name, location) -> read.put(name, LineageNames.of(location)));
    ObjectNode columns =
        LineageFacets.columnLineage(
            table, sameNamed == null ? null : LineageNames.of(sameNamed), read);
    if (columns != null) {
      facets.set("columnLineage", columns);
    }
    return output;
  }

  private void inputMetrics(ObjectNode event, String table, long rows) {
    String location = inputs.get(table);
    if (location == null) {
      return;
    }
    LineageNames names = LineageNames.of(location);
    for (JsonNode input : event.get("inputs")) {
      if (input.path("namespace").asText().equals(names.namespace())
          && input.path("name").asText().equals(names.name())
          && !input.has("inputFacets")) {
        ((ObjectNode) input).putObject("inputFacets")
            .set("dataQualityMetrics", LineageFacets.inputMetrics(rows));
      }
    }
  }

  private static @Nullable JsonNode reportTable(@Nullable JsonNode report, String table) {
    if (report == null) {
      return null;
    }
    for (JsonNode entry : report.path("tables")) {
      if (table.equals(entry.path("name").asText())) {
        return entry;
      }
    }
    return null;
  }

  private static Map<String, Double> metrics(@Nullable JsonNode reported) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (reported != null) {
      reported.path("metrics").fields().forEachRemaining(
          e -> metrics.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : null));
    }
    return metrics;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }
}
