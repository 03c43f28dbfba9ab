package org.datamesh.pipelines.quality;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.quality.QualityGateException;
import org.datamesh.rules.contract.ContractProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ERROR anomaly check from a contract gates a run like a failed threshold check: the first
 * run has no history and passes, the second is within the range, the third halves the row count
 * below what the last published run allows and is refused; the version in force stays byte for
 * byte.
 */
class AnomalyGateIT {

  static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: c-anomaly-gate
      version: 1.0.0
      status: active
      domain: crm
      dataProduct: customers
      schema:
        - name: customers
          quality:
            - type: custom
              engine: datamesh-anomaly
              name: rows_steady
              severity: error
              implementation: "rowCount: relativeRateOfChange(0.5, 2)"
          properties:
            - name: id
              logicalType: string
              required: true
              primaryKey: true
            - name: email
              logicalType: string
      """;

  @TempDir Path dir;

  static void run(Path input, Path output, String runId) throws Exception {
    ProductSpec spec =
        ContractProducts.spec(ContractLoader.parse(CONTRACT, "customers.yaml"), RecordFormat.Kind.CSV);
    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    pipeline.apply(
        DataProductPipeline.of(spec).from(input.toString()).to(output.toString()).withRunId(runId));
    pipeline.run().waitUntilFinish();
  }

  static Path rows(Path dir, String name, int count) throws Exception {
    StringBuilder csv = new StringBuilder("id,email\n");
    for (int i = 1; i <= count; i++) {
      csv.append(i).append(",u").append(i).append("@x.org\n");
    }
    return Files.writeString(dir.resolve(name), csv.toString());
  }

  @Test
  void anAnomalyRefusesTheRunAndThePreviousVersionStays() throws Exception {
    Path output = dir.resolve("out");
    Path product = output.resolve("crm/customers");
    run(rows(dir, "first.csv", 8), output, "run-1");
    assertThat(
        Manifest.read(product).onlyTable().quality().checks().get(0).expectation(),
        is("any value until 1 earlier published runs measured it (0 so far)"));
    run(rows(dir, "second.csv", 10), output, "run-2"); // 10 / 8 = 1.25
    byte[] before = Files.readAllBytes(product.resolve("_manifest.json"));

    Path few = rows(dir, "third.csv", 4); // 4 / 10 = 0.4, below half
    Exception failed = assertThrows(Exception.class, () -> run(few, output, "run-3"));
    QualityGateException gate = QualityGateException.in(failed).orElseThrow(() -> failed);
    assertThat(
        gate.getMessage(),
        containsString(
            "customers: check rows_steady (ERROR) failed: rowCount measured 4 rows, must be"
                + " between 5 and 20 rows"));
    assertThat(Files.readAllBytes(product.resolve("_manifest.json")), is(before));
    assertThat(Manifest.read(product).runId(), is("run-2"));

    ObjectMapper json = new ObjectMapper();
    JsonNode report = json.readTree(product.resolve("quality/run-3/report.json").toFile());
    assertThat(report.path("gate").asText(), is("failed"));
    assertThat(
        report.path("tables").get(0).path("anomalyChecks").get(0).asText(), is("rows_steady"));
    assertThat(
        Files.readString(product.resolve("quality/run-3/report.html")),
        containsString("<td class=\"check-id\">rows_steady</td>"));
    List<String> history = Files.readAllLines(product.resolve("quality/history.jsonl"));
    assertThat(history, hasSize(3));
    assertThat(
        history.stream().map(l -> read(json, l).path("published").asBoolean()).toList(),
        contains(true, true, false));
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
