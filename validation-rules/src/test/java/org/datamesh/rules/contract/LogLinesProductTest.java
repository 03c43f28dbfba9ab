package org.datamesh.rules.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.pipeline.BuildProduct;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A product read from a web server's access log, with the pattern its contract declares. */
@ExtendWith(TestPipelineExtension.class)
class LogLinesProductTest {

  static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: access-1
      version: 1.0.0
      status: active
      domain: web
      dataProduct: access
      schema:
        - name: access
          customProperties:
            - property: logPattern
              value: '(?<ip>\\S+) \\S+ \\S+ \\[(?<at>[^\\]]+)\\] "(?<method>\\S+) (?<path>\\S+) \\S+" (?<status>\\S+) (?:(?<bytes>\\d+)|-)'
          properties:
            - name: ip
              logicalType: string
              required: true
            - name: at
              logicalType: timestamp
              required: true
            - name: method
              logicalType: string
              required: true
              customProperties:
                - property: standardize
                  value: upper
            - name: path
              logicalType: string
              required: true
            - name: status
              logicalType: integer
              physicalType: int
              required: true
              logicalTypeOptions:
                minimum: 100
                maximum: 599
            - name: bytes
              logicalType: integer
      """;

  static final String LOG =
      String.join(
          "\n",
          "10.0.0.1 - - [2024-03-05T10:00:00+01:00] \"get /index.html HTTP/1.1\" 200 5120",
          "10.0.0.2 - bob [2024-03-05T10:01:00Z] \"POST /api/orders HTTP/1.1\" 201 -",
          "garbage from a crashed writer",
          "",
          "10.0.0.4 - - [2024-03-05T10:02:00Z] \"GET /x HTTP/1.1\" OK 12",
          "10.0.0.5 - - [2024-03-05T10:03:00Z] \"GET /y HTTP/1.1\" 999 0",
          "10.0.0.6 - - [last tuesday] \"GET /z HTTP/1.1\" 404 0",
          "");

  @TempDir Path dir;

  @Test
  void publishesTheLinesThatMatchAndQuarantinesTheRest(TestPipeline pipeline) throws Exception {
    Path input = Files.writeString(dir.resolve("access.log"), LOG);
    DataContract contract = ContractLoader.parse(CONTRACT, "access.yaml");
    ProductSpec spec = ContractProducts.spec(contract, RecordFormat.Kind.LOG_LINES);

    ProductRecords records =
        pipeline
            .apply(FileIO.match().filepattern(input.toString()))
            .apply(FileIO.readMatches())
            .apply(BuildProduct.of(spec));

    PAssert.thatSingleton(records.inputCount()).isEqualTo(7L);
    PAssert.that(records.published())
        .satisfies(
            rows -> {
              List<String> seen = new ArrayList<>();
              for (Row r : rows) {
                seen.add(
                    r.getString("ip") + "|" + r.getValue("at") + "|"
                        + r.getString("method") + "|" + r.getString("path") + "|"
                        + r.getValue("status") + "|" + r.getValue("bytes"));
              }
              assertThat(
                  seen,
                  containsInAnyOrder(
                      "10.0.0.1|2024-03-05T09:00:00Z|GET|/index.html|200|5120",
                      "10.0.0.2|2024-03-05T10:01:00Z|POST|/api/orders|201|null"));
              return null;
            });
    PAssert.that(records.duplicates()).empty();
    PAssert.that(records.failures())
        .satisfies(
            failures -> {
              List<String> seen = new ArrayList<>();
              for (Failure f : failures) {
                seen.add(
                    f.source().offset() + " " + f.stage() + " "
                        + f.violations().stream().map(v -> v.ruleId()).collect(Collectors.joining(","))
                        + " " + f.rawPayload());
              }
              List<String> lines = LOG.lines().toList();
              assertThat(
                  seen,
                  containsInAnyOrder(
                      "3 PARSE parse.log_pattern " + lines.get(2),
                      "4 PARSE parse.empty_line ",
                      "5 PARSE parse.number " + lines.get(4),
                      "6 VALIDATE status.range " + lines.get(5),
                      "7 STANDARDIZE standardize.timestamp " + lines.get(6)));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void logLinesNeedALogPattern() throws Exception {
    String withoutPattern =
        CONTRACT.substring(0, CONTRACT.indexOf("    customProperties:\n      - property: logPattern"))
            + CONTRACT.substring(CONTRACT.indexOf("    properties:"));
    DataContract contract = ContractLoader.parse(withoutPattern, "access.yaml");
    assertThat(contract.logPattern(), is((String) null));
    ContractException e =
        assertThrows(
            ContractException.class,
            () -> ContractProducts.spec(contract, RecordFormat.Kind.LOG_LINES));
    assertThat(paths(e), contains("schema[0].customProperties"));
    assertThat(e.problems().get(0).message().contains("logPattern"), is(true));
    // The other formats do not need one.
    assertThat(ContractProducts.spec(contract, RecordFormat.Kind.CSV).product().id(), is("web.access"));
  }

  @Test
  void everyGroupMustBeAColumn() throws Exception {
    DataContract contract =
        ContractLoader.parse(
            CONTRACT.replace("(?<ip>\\S+) \\S+ \\S+", "(?<ip>\\S+) (?<ident>\\S+) (?<user>\\S+)"),
            "access.yaml");
    ContractException e =
        assertThrows(
            ContractException.class,
            () -> ContractProducts.spec(contract, RecordFormat.Kind.LOG_LINES));
    assertThat(
        e.problems().stream().map(ContractProblem::toString).toList(),
        contains(
            "schema[0].customProperties.logPattern: the group ident is not a column of the table access",
            "schema[0].customProperties.logPattern: the group user is not a column of the table access"));
  }

  private static List<String> paths(ContractException e) {
    return e.problems().stream().map(ContractProblem::path).toList();
  }
}
