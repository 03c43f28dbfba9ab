package org.datamesh.core.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.catalog.ProductFacts;
import org.datamesh.core.contract.ColumnSources;
import org.datamesh.core.contract.IndirectSources;

/**
 * The OpenLineage facets of a product's datasets and runs, each with its {@code _producer} and the
 * {@code _schemaURL} of the facet version it follows. Values of classified or protected columns
 * never appear: their min, max and sum are left out, and so is a check's measured value on them.
 */
final class LineageFacets {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Metrics that are values of a column (not counts), so they can reveal a value. */
  static final Set<String> VALUE_METRICS = Set.of("min", "max", "mean", "stddev", "sum");

  private static final String FACETS = "https://openlineage.io/spec/facets/";

  private LineageFacets() {}

  static ObjectNode facet(String version, String name) {
    ObjectNode facet = NODES.objectNode();
    facet.put("_producer", LineageRun.PRODUCER);
    facet.put("_schemaURL", FACETS + version + "/" + name + ".json#/$defs/" + name);
    return facet;
  }

  static ObjectNode schema(ProductFacts.TableFacts table) {
    ObjectNode facet = facet("1-2-0", "SchemaDatasetFacet");
    ArrayNode fields = facet.putArray("fields");
    int position = 1;
    for (ProductFacts.FieldFacts field : table.fields()) {
      ObjectNode f = fields.addObject().put("name", field.name()).put("type", field.type());
      if (field.description() != null) {
        f.put("description", field.description());
      }
      f.put("ordinal_position", position++);
    }
    return facet;
  }

  static ObjectNode dataSource(String namespace) {
    ObjectNode facet = facet("1-0-1", "DatasourceDatasetFacet");
    return facet.put("name", namespace).put("uri", namespace);
  }

  static ObjectNode documentation(String description) {
    return facet("1-1-0", "DocumentationDatasetFacet").put("description", description);
  }

  static ObjectNode ownership(String owner) {
    ObjectNode facet = facet("1-0-1", "OwnershipDatasetFacet");
    facet.putArray("owners").addObject().put("name", "team:" + owner).put("type", "OWNER");
    return facet;
  }

  static ObjectNode version(String runId, String contractVersion) {
    return facet("1-0-1", "DatasetVersionDatasetFacet")
        .put("datasetVersion", runId)
        .put("contractVersion", contractVersion);
  }

  static ObjectNode outputStatistics(long rows, long bytes, long files) {
    return facet("1-0-2", "OutputStatisticsOutputDatasetFacet")
        .put("rowCount", rows)
        .put("size", bytes)
        .put("fileCount", files);
  }

  static ObjectNode inputMetrics(long rows) {
    ObjectNode facet = facet("1-0-3", "DataQualityMetricsInputDatasetFacet").put("rowCount", rows);
    facet.putObject("columnMetrics");
    return facet;
  }

  /**
   * The published table's metrics: its row count, and per column the null and distinct counts,
   * and min, max and sum where the dataset checks computed them and the column is not sensitive.
   */
  static ObjectNode qualityMetrics(
      long rows, Map<String, Double> metrics, ProductFacts.TableFacts table) {
    ObjectNode facet = facet("1-0-0", "DataQualityMetricsDatasetFacet").put("rowCount", rows);
    ObjectNode columns = facet.putObject("columnMetrics");
    metrics.forEach(
        (metric, value) -> {
          MetricName name = MetricName.parse(metric);
          if (name.column() == null || table.field(name.column()) == null || value == null) {
            return;
          }
          String key =
              switch (name.kind()) {
                case "nullValues" -> "nullCount";
                case "approxDistinct" -> "distinctCount";
                case "min", "max", "sum" -> sensitive(table, name.column()) ? null : name.kind();
                default -> null;
              };
          if (key == null) {
            return;
          }
          ObjectNode column =
              columns.has(name.column())
                  ? (ObjectNode) columns.get(name.column())
                  : columns.putObject(name.column());
          if (key.endsWith("Count")) {
            column.put(key, Math.round(value));
          } else {
            column.put(key, value);
          }
        });
    return facet;
  }

  /** One assertion per dataset check (from the run's report) and per record rule that failed. */
  static ObjectNode assertions(
      @Nullable JsonNode checks, Map<String, Long> failuresByRule, ProductFacts.TableFacts table) {
    ObjectNode facet = facet("1-1-0", "DataQualityAssertionsDatasetFacet");
    ArrayNode assertions = facet.putArray("assertions");
    if (checks != null) {
      for (JsonNode check : checks) {
        MetricName metric = MetricName.parse(check.path("metric").asText(""));
        ObjectNode assertion =
            assertions
                .addObject()
                .put("assertion", metric.kind())
                .put("success", check.path("passed").asBoolean(false));
        if (metric.column() != null) {
          assertion.put("column", metric.column());
        }
        assertion.put("severity", check.path("severity").asText("ERROR").toLowerCase());
        assertion.put("name", check.path("id").asText());
        assertion.put("expected", check.path("expectation").asText());
        boolean hidden =
            VALUE_METRICS.contains(metric.kind())
                && metric.column() != null
                && sensitive(table, metric.column());
        if (!hidden && check.hasNonNull("measured")) {
          assertion.put("actual", check.path("measured").asText());
        }
      }
    }
    failuresByRule.forEach(
        (rule, count) ->
            assertions
                .addObject()
                .put("assertion", rule)
                .put("success", false)
                .put("severity", "error")
                .put("name", rule)
                .put("description", "record rule: records failing it were quarantined")
                .put("actual", String.valueOf(count)));
    return facet;
  }

  /**
   * Where each published column comes from: the columns its contract names in {@code
   * transformSourceObjects}, among the tables the run reads ({@code inputs}, keyed as a consumer
   * product keys them: {@code sales/orders/orders}); otherwise, for a product read from files, the
   * same-named column of {@code sameNamed}: read, standardized per the contract, validated, then
   * protected or published in clear. The table's {@code indirectSources} (joins, groupings,
   * filters) among what the run reads are its {@code dataset} entries, {@code INDIRECT}. Null when
   * nothing has a known source.
   */
  static @Nullable ObjectNode columnLineage(
      ProductFacts.TableFacts table,
      @Nullable LineageNames sameNamed,
      Map<String, LineageNames> inputs) {
    ObjectNode facet = facet("1-2-0", "ColumnLineageDatasetFacet");
    ObjectNode fields = facet.putObject("fields");
    for (ProductFacts.FieldFacts field : table.fields()) {
      boolean masked = field.protection() != null;
      ArrayNode inputFields = LineageFacets.NODES.arrayNode();
      ColumnSources sources = field.sources();
      if (sources != null && !sources.columns().isEmpty()) {
        String subtype = sources.lineageTypeOf(field.name());
        String description =
            sources.description() != null
                ? sources.description()
                : sources.logic() != null ? sources.logic() : field.description();
        for (ColumnSources.SourceColumn source : sources.columns()) {
          LineageNames input = inputs.get(source.table());
          if (input != null) {
            addInputField(inputFields, input, source.column(), subtype, description, masked);
          }
        }
      } else if (sameNamed != null) {
        String description =
            "the same-named input column, standardized as the contract declares and validated"
                + (masked ? ", then protected (" + field.protection() + ")" : ", published in clear");
        addInputField(
            inputFields, sameNamed, field.name(), masked ? "TRANSFORMATION" : "IDENTITY",
            description, masked);
      }
      if (!inputFields.isEmpty()) {
        fields.putObject(field.name()).set("inputFields", inputFields);
      }
    }
    ArrayNode dataset = LineageFacets.NODES.arrayNode();
    for (String text : table.indirectSources()) {
      IndirectSources.Entry entry = IndirectSources.Entry.parse(text);
      LineageNames input = entry == null ? null : inputs.get(entry.source().table());
      if (input != null) {
        dataset
            .addObject()
            .put("namespace", input.namespace())
            .put("name", input.name())
            .put("field", entry.source().column())
            .putArray("transformations")
            .addObject()
            .put("type", "INDIRECT")
            .put("subtype", entry.kind())
            .put("masking", false);
      }
    }
    if (!dataset.isEmpty()) {
      facet.set("dataset", dataset);
    }
    return fields.isEmpty() && dataset.isEmpty() ? null : facet;
  }

  private static void addInputField(
      ArrayNode inputFields,
      LineageNames input,
      String column,
      String subtype,
      @Nullable String description,
      boolean masked) {
    ObjectNode transformation =
        inputFields
            .addObject()
            .put("namespace", input.namespace())
            .put("name", input.name())
            .put("field", column)
            .putArray("transformations")
            .addObject()
            .put("type", "DIRECT")
            .put("subtype", subtype);
    if (description != null) {
      transformation.put("description", description);
    }
    transformation.put("masking", masked);
  }

  static ObjectNode processingEngine(String beamVersion, String runner) {
    return facet("1-1-1", "ProcessingEngineRunFacet")
        .put("version", beamVersion)
        .put("name", "Apache Beam")
        .put("runner", runner);
  }

  static ObjectNode errorMessage(String message) {
    return facet("1-0-1", "ErrorMessageRunFacet")
        .put("message", message)
        .put("programmingLanguage", "JAVA");
  }

  static ObjectNode jobType() {
    return facet("2-0-4", "JobTypeJobFacet")
        .put("processingType", "BATCH")
        .put("integration", "DATAMESH_BEAM")
        .put("jobType", "JOB");
  }

  private static boolean sensitive(ProductFacts.TableFacts table, String column) {
    ProductFacts.FieldFacts field = table.field(column);
    return field == null || field.sensitive();
  }

  /** A metric's kind and its one column: {@code nullValues(email)} is nullValues on email. */
  record MetricName(String kind, @Nullable String column) {
    static MetricName parse(String metric) {
      int open = metric.indexOf('(');
      if (open < 0 || !metric.endsWith(")")) {
        return new MetricName(metric, null);
      }
      String inside = metric.substring(open + 1, metric.length() - 1);
      return new MetricName(
          metric.substring(0, open), inside.isEmpty() || inside.contains(",") ? null : inside);
    }
  }
}
