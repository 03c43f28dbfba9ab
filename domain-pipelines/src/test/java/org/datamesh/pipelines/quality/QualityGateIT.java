package org.datamesh.pipelines.quality;

import static org.hamcrest.MatcherAssert.assertThat;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality gate on the Direct runner and embedded Flink: a run whose ERROR check fails publishes nothing, and the
 * version in force stays byte for byte; its report and history line are written all the same.
 */
class QualityGateIT {

  /** At least 3 rows (ERROR), at most 10% of emails null (WARN), emails unique (ERROR). */
  static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: c-gate
      version: 1.0.0
      status: active
      domain: crm
      dataProduct: customers
      schema:
        - name: customers
          quality:
            - name: enough_rows
              metric: rowCount
              mustBeGreaterOrEqualTo: 3
              severity: error
          properties:
            - name: id
              logicalType: string
              required: true
              primaryKey: true
            - name: email
              logicalType: string
              unique: true
              quality:
                - name: email_nulls
                  metric: nullValues
                  mustBeLessOrEqualTo: 10
                  unit: percent
                  severity: warning
      """;

  static final String GOOD = "id,email\n1,a@x.org\n2,b@x.org\n3,\n4,d@x.org\n";
  /** Two rows, and a record without its id, quarantined: its sample is in the report. */
  static final String TOO_FEW = "id,email\n1,a@x.org\n2,b@x.org\n,c@x.org\n";

  @TempDir Path dir;

  static void run(String runner, Path input, Path output, String runId) throws Exception {
    ProductSpec spec =
        ContractProducts.spec(ContractLoader.parse(CONTRACT, "customers.yaml"), RecordFormat.Kind.CSV);
    String[] args =
        runner.equals("FlinkRunner")
            ? new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"}
            : new String[] {"--runner=DirectRunner"};
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    pipeline.apply(
        DataProductPipeline.of(spec).from(input.toString()).to(output.toString()).withRunId(runId));
    pipeline.run().waitUntilFinish();
  }

  /** The whole scenario, on {@code runner}. */
  static void previousVersionSurvivesAFailedGate(String runner, Path dir) throws Exception {
    Path output = dir.resolve("out");
    Path good = Files.writeString(dir.resolve("good.csv"), GOOD);
    run(runner, good, output, "run-1");
    Path product = output.resolve("crm/customers");
    byte[] before = Files.readAllBytes(product.resolve("_manifest.json"));
    Manifest published = Manifest.read(product);
    assertThat(published.runId(), is("run-1"));
    // The WARN check failed (1 null email of 4 = 25%) and is reported; the run published.
    assertThat(
        published.onlyTable().quality().checks().stream().map(c -> c.id() + "=" + c.passed()).toList(),
        is(List.of("enough_rows=true", "email_nulls=false", "email.unique=true")));
    assertThat(published.onlyTable().quality().score(), is(2.0 / 3));

    Path few = Files.writeString(dir.resolve("few.csv"), TOO_FEW);
    Exception failed = assertThrows(Exception.class, () -> run(runner, few, output, "run-2"));
    QualityGateException gate = QualityGateException.in(failed).orElseThrow(() -> failed);
    assertThat(
        gate.getMessage(),
        containsString(
            "customers: check enough_rows (ERROR) failed: rowCount measured 2 rows, must be >= 3 rows"));
    assertThat(Files.readAllBytes(product.resolve("_manifest.json")), is(before));

    ObjectMapper json = new ObjectMapper();
    JsonNode report = json.readTree(product.resolve("quality/run-2/report.json").toFile());
    assertThat(report.path("gate").asText(), is("failed"));
    assertThat(report.path("published").asBoolean(), is(false));
    assertThat(report.path("tables").get(0).path("metrics").path("rowCount").asDouble(), is(2.0));
    assertThat(report.path("failedChecks").get(0).asText(), containsString("enough_rows"));
    JsonNode sample = report.path("tables").get(0).path("failureSamples").get(0);
    assertThat(sample.path("source").asText(), is(few + " record 3 (line 4)"));
    assertThat(sample.path("stage").asText(), is("VALIDATE"));
    assertThat(sample.path("rules").get(0).asText(), is("id.not_null"));
    assertThat(sample.path("payload").asText(), is(",c@x.org"));
    assertThat(
        json.readTree(product.resolve("quality/run-1/report.json").toFile()).path("gate").asText(),
        is("passed"));
    List<String> history = Files.readAllLines(product.resolve("quality/history.jsonl"));
    assertThat(history, hasSize(2));
    assertThat(json.readTree(history.get(0)).path("published").asBoolean(), is(true));
    assertThat(json.readTree(history.get(1)).path("runId").asText(), is("run-2"));
    assertThat(json.readTree(history.get(1)).path("published").asBoolean(), is(false));
    // The failed run's files are written but referenced by no manifest.
    assertThat(Files.isDirectory(product.resolve("runs/run-2")), is(true));
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void previousVersionSurvivesAFailedGate(String runner) throws Exception {
    previousVersionSurvivesAFailedGate(runner, dir);
  }
}
