package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-picked corners of the ODCS schema, where a reading of it could go wrong, each compared with
 * the official JSON Schema's verdict: conditional keys, "one of" thresholds, relationships of two
 * kinds, number types, formats. The random documents of {@link OdcsVerdictConformanceTest} rarely
 * reach these.
 */
class OdcsEdgeCasesConformanceTest {

  private static final String REQUIRED =
      "apiVersion: v3.1.0\nkind: DataContract\nid: c-1\nversion: 1.0.0\nstatus: active\n";
  private static final String PROPERTY = "schema:\n  - name: t\n    properties:\n      - ";
  private static final String RULE = "schema:\n  - name: t\n    quality:\n      - ";

  private static OdcsOracle oracle;

  @BeforeAll
  static void readSchema() {
    oracle = OdcsOracle.fromSpecs();
  }

  @ParameterizedTest(name = "[{index}] {1}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Properties: the logical type decides options, items and nested properties.
        "PROPERTY{name: p, logicalTypeOptions: {}, items: {}, properties: []}|BOTH_VALID",
        "PROPERTY{name: p, logicalTypeOptions: {format: x}}|BOTH_INVALID",
        "PROPERTY{name: p, logicalType: array, items: {logicalType: string, properties: []}}|BOTH_INVALID",
        "PROPERTY{name: p, logicalType: array, items: {properties: [{name: q}]}}|BOTH_VALID",
        "PROPERTY{name: p, logicalType: array, items: {properties: [{logicalType: string}]}}|BOTH_INVALID",
        "PROPERTY{name: p, logicalType: string, items: {}}|BOTH_INVALID",
        "PROPERTY{name: p, logicalType: object, properties: [], items: {}}|BOTH_INVALID",
        "PROPERTY{name: p, logicalType: boolean, logicalTypeOptions: {any: 1}}|BOTH_VALID",
        "PROPERTY{name: p, logicalType: integer, logicalTypeOptions: {multipleOf: 0}}|BOTH_INVALID",
        "PROPERTY{name: p, logicalType: integer, logicalTypeOptions: {maximum: 2.5, minimum: 1.0}}|BOTH_VALID",
        "PROPERTY{name: p, logicalType: string, logicalTypeOptions: {minLength: 2.0}}|BOTH_VALID",
        "PROPERTY{name: p, logicalType: string, logicalTypeOptions: {minLength: 2.5}}|BOTH_INVALID",
        "PROPERTY{name: p, logicalType: object, logicalTypeOptions: {required: [a, a]}}|BOTH_INVALID",
        "PROPERTY{name: p, logicalType: number, logicalTypeOptions: {format: i32}}|BOTH_INVALID",
        "PROPERTY{name: p, primaryKeyPosition: 1.0, examples: [1, a, null, [x], {y: 1}]}|BOTH_VALID",
        // Quality rules: which keys each type brings, and exactly one threshold.
        "RULE{mustBe: 1}|BOTH_INVALID",
        "RULE{name: n, description: d}|BOTH_VALID",
        "RULE{type: text, metric: rowCount, mustBe: 1}|BOTH_VALID",
        "RULE{type: sql, metric: rowCount, query: q, mustBe: 1}|BOTH_VALID",
        "RULE{type: sql, metric: 5, query: q, mustBe: 1}|BOTH_INVALID",
        "RULE{type: custom, engine: e, implementation: i, mustBe: 1}|BOTH_INVALID",
        "RULE{type: custom, metric: rowCount, engine: e, implementation: {a: 1}, mustBe: 0}|BOTH_VALID",
        "RULE{metric: rowCount, mustBe: 1, mustBeGreaterThan: x}|BOTH_INVALID",
        "RULE{metric: rowCount, mustBe: 1, mustBeGreaterThan: 1}|BOTH_INVALID",
        "RULE{metric: rowCount, mustBeBetween: [1, 2, 3]}|BOTH_INVALID",
        "RULE{metric: rowCount, mustBeBetween: [3, 1]}|BOTH_VALID",
        "RULE{metric: rowCount, mustNotBe: [1]}|BOTH_VALID",
        "RULE{type: library, rule: nullCheck, mustBe: 0}|BOTH_INVALID",
        // Relationships: both ends on an object, only `to` on a property.
        "schema: [{name: t, relationships: [{from: a.b, to: [c.d]}]}]|BOTH_INVALID",
        "schema: [{name: t, relationships: [{from: [a.b], to: [c.d]}]}]|BOTH_VALID",
        "schema: [{name: t, relationships: [{to: c.d}]}]|BOTH_INVALID",
        "schema: [{name: t, relationships: [{from: /a/b, to: 'x.yaml#c/d/e/f'}]}]|BOTH_VALID",
        "schema: [{name: t, relationships: [{from: 1a.b, to: c.d}]}]|BOTH_INVALID",
        "PROPERTY{name: p, relationships: [{to: c.d, from: a.b}]}|BOTH_INVALID",
        "PROPERTY{name: p, relationships: [{to: [c.d, e.f], type: foreignKey}]}|BOTH_VALID",
        // Servers: the type decides the keys; ports are whole numbers; locations URIs.
        "servers: [{server: s, type: s3, location: 's3://b/{t}'}]|BOTH_INVALID",
        "servers: [{server: s, type: api, location: 'mailto:a@b.org'}]|BOTH_VALID",
        "servers: [{server: s, type: clickhouse, host: h, port: 9000.0, database: d}]|BOTH_VALID",
        "servers: [{server: s, type: kafka, host: h, database: d}]|BOTH_INVALID",
        "servers: [{server: s, type: sftp, location: 'ftp://h/p'}]|BOTH_INVALID",
        "servers: [{server: s, type: custom, stagingDir: not a uri}]|BOTH_VALID",
        "servers: [{server: s, type: athena, stagingDir: not a uri, schema: x}]|BOTH_INVALID",
        "servers: [{server: s, location: 's3://b'}]|BOTH_INVALID",
        // Team, dates and the rest.
        "team: [{username: u, dateIn: 2024-02-29}]|BOTH_VALID",
        "team: [{username: u, dateIn: 2023-02-29}]|BOTH_INVALID",
        "team: {members: [], name: n}|BOTH_VALID",
        "team: {}|BOTH_VALID",
        "contractCreatedTs: '2024-03-05T10:15:30.123+01:00'|BOTH_VALID",
        "contractCreatedTs: '2024-03-05T10:15:30'|BOTH_INVALID",
        "description: {own: key, purpose: p}|BOTH_VALID",
        "slaProperties: [{property: p, value: null, valueExt: {a: 1}}]|BOTH_INVALID",
        "customProperties: [{property: p, value: {a: [1]}}]|BOTH_VALID",
        "price: {priceAmount: 1e3}|BOTH_VALID",
        "apiVersion2: x|BOTH_INVALID",
      })
  void agreesWithTheJsonSchema(String body, OdcsVerdicts.Verdict expected) {
    String yaml =
        REQUIRED + body.replace("PROPERTY", PROPERTY).replace("RULE", RULE) + "\n";
    assertThat(
        OdcsVerdicts.compare(oracle, yaml.getBytes(StandardCharsets.UTF_8)), equalTo(expected));
  }
}
