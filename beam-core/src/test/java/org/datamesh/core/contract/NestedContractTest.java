package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;
import org.datamesh.core.TemporalFormat;
import org.junit.jupiter.api.Test;

/** Objects, arrays and times in a contract: the Beam type of each nested field. */
class NestedContractTest {

  private static final String HEAD =
      "apiVersion: v3.1.0\nkind: DataContract\nid: n-1\nversion: 1.0.0\nstatus: active\n"
          + "domain: shop\nname: orders\nschema:\n  - name: orders\n    properties:\n";

  private static final String PROPERTIES =
      """
            - name: customer
              logicalType: object
              required: true
              logicalTypeOptions:
                required: [name]
              properties:
                - {name: name, logicalType: string}
                - name: address
                  logicalType: object
                  properties:
                    - {name: zip, logicalType: string, required: true}
                    - name: since
                      logicalType: timestamp
                      logicalTypeOptions: {format: "yyyy-MM-dd HH:mm", defaultTimezone: America/New_York}
            - name: tags
              logicalType: array
              items: {logicalType: string}
            - name: lines
              logicalType: array
              items:
                logicalType: object
                required: true
                properties:
                  - {name: quantity, logicalType: integer, physicalType: int, required: true}
            - name: matrix
              logicalType: array
              items:
                logicalType: array
                items: {logicalType: integer}
            - name: at
              logicalType: time
              logicalTypeOptions: {format: "HH:mm", minimum: "08:00"}
      """;

  @Test
  void eachNestedFieldHasItsBeamType() throws Exception {
    DataContract contract = ContractLoader.parse(HEAD + PROPERTIES, "nested");

    Schema address =
        Schema.builder()
            .addStringField("zip")
            .addNullableField("since", DataTypes.timestamp())
            .build();
    Schema customer =
        Schema.builder()
            .addStringField("name") // required by the object's logicalTypeOptions.required
            .addNullableField("address", FieldType.row(address))
            .build();
    Schema line = Schema.builder().addInt32Field("quantity").build();
    Schema published = contract.publishedSchema();
    assertThat(published.getField("customer").getType(), equalTo(FieldType.row(customer)));
    assertThat(published.getField("customer").getType().getNullable(), is(false));
    assertThat(
        published.getField("tags").getType(),
        equalTo(FieldType.array(FieldType.STRING.withNullable(true)).withNullable(true)));
    assertThat(
        published.getField("lines").getType(),
        equalTo(FieldType.array(FieldType.row(line)).withNullable(true)));
    assertThat(
        published.getField("matrix").getType(),
        equalTo(
            FieldType.array(FieldType.array(FieldType.INT64.withNullable(true)).withNullable(true))
                .withNullable(true)));
    assertThat(published.getField("at").getType(), equalTo(DataTypes.time().withNullable(true)));

    ContractField since = contract.field("customer").property("address").property("since");
    assertThat(since.temporalFormat(), equalTo(TemporalFormat.of("yyyy-MM-dd HH:mm", "America/New_York")));
    assertThat(contract.field("lines").items().name(), equalTo("lines[]"));
    assertThat(contract.field("at").typeOptions().temporalBounds(), equalTo(Map.of("minimum", "08:00")));
    assertThat(contract.notices(), equalTo(java.util.List.of()));
  }

  @Test
  void theRawSchemaReadsNestedValuesAsNullableWithTheirFormats() throws Exception {
    DataContract contract = ContractLoader.parse(HEAD + PROPERTIES, "nested");

    Schema raw = ContractStandardization.rawSchema(contract);

    Schema.Field since =
        raw.getField("customer").getType().getRowSchema().getField("address").getType()
            .getRowSchema().getField("since");
    assertThat(since.getType(), equalTo(DataTypes.timestamp().withNullable(true)));
    assertThat(TemporalFormat.ofField(since), equalTo(TemporalFormat.of("yyyy-MM-dd HH:mm", "America/New_York")));
    assertThat(
        raw.getField("customer").getType().getRowSchema().getField("name").getType().getNullable(),
        is(true));
    assertThat(TemporalFormat.ofField(raw.getField("at")), equalTo(TemporalFormat.of("HH:mm", null)));
  }

  @Test
  void nestedKeysAndUnreadableBoundsAreRefused() {
    ContractException e =
        assertThrows(
            ContractException.class,
            () ->
                ContractLoader.parse(
                    HEAD
                        + "      - {name: a, logicalType: array}\n"
                        + "      - {name: o, logicalType: object}\n"
                        + "      - name: p\n        logicalType: object\n"
                        + "        properties: [{name: k, logicalType: string, primaryKey: true}]\n"
                        + "      - name: d\n        logicalType: date\n"
                        + "        logicalTypeOptions: {format: dd.MM.yyyy, minimum: \"2020-13-01\"}\n",
                    "bad"));
    assertThat(
        e.problems().stream().map(ContractProblem::path).toList(),
        contains(
            "schema[0].properties[2].properties[0].primaryKey",
            "schema[0].properties[3].logicalTypeOptions.minimum"));
  }

  @Test
  void anArrayWithoutItemsAndAnObjectWithoutPropertiesAreTheirJsonText() throws Exception {
    DataContract contract =
        ContractLoader.parse(
            HEAD
                + "      - {name: a, logicalType: array}\n"
                + "      - {name: o, logicalType: object, required: true}\n",
            "open");

    assertThat(contract.field("a").jsonText(), is(true));
    assertThat(contract.publishedSchema().getField("a").getType(), equalTo(FieldType.STRING.withNullable(true)));
    assertThat(contract.publishedSchema().getField("o").getType(), equalTo(FieldType.STRING));
    assertThat(
        org.datamesh.core.JsonText.kindOf(ContractStandardization.rawSchema(contract).getField("o")),
        equalTo(org.datamesh.core.JsonText.OBJECT));
    assertThat(
        contract.notices().stream().map(ContractProblem::path).toList(),
        org.hamcrest.Matchers.hasItems("schema[0].properties[0].items", "schema[0].properties[1].properties"));
  }
}
