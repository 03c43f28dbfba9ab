package org.datamesh.core.contract.odcs;

import static org.datamesh.core.contract.odcs.OdcsChecks.problems;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;

/** Schema objects, their properties at any depth, and the items of arrays. */
class SchemaCheckTest {

  @Test
  void anObjectWithPropertiesOfEveryKindIsValid() {
    assertThat(
        problems(
            "schema:\n"
                + "  - name: orders\n"
                + "    logicalType: object\n"
                + "    physicalType: table\n"
                + "    properties:\n"
                + "      - {name: id, logicalType: string, required: true, primaryKey: true,"
                + " primaryKeyPosition: 1}\n"
                + "      - {name: placed_on, logicalType: date, partitioned: true,"
                + " partitionKeyPosition: 1}\n"
                + "      - {name: total, logicalType: number, examples: [1.5, 2]}\n"
                + "      - {name: note, physicalType: text}\n"),
        empty());
  }

  @Test
  void anObjectNeedsANameAndIsOfLogicalTypeObject() {
    assertThat(
        problems("schema:\n  - logicalType: table\n    rows: 5\n"),
        contains(
            "schema[0].name (line 7): missing; ODCS requires it in a schema object",
            "schema[0].logicalType (line 7): must be one of: object",
            "schema[0].rows (line 8): not a key ODCS allows in a schema object; allowed: name,"
                + " id, physicalType, businessName, description, tags, customProperties,"
                + " authoritativeDefinitions, logicalType, physicalName,"
                + " dataGranularityDescription, properties, relationships, quality"));
  }

  @Test
  void aPropertyNeedsANameAndAKnownLogicalType() {
    assertThat(
        problems(
            "schema:\n  - name: orders\n    properties:\n      - logicalType: text\n"
                + "        required: yes please\n"),
        contains(
            "schema[0].properties[0].name (line 9): missing; ODCS requires it in a property",
            "schema[0].properties[0].logicalType (line 9): must be one of: string, date,"
                + " timestamp, time, number, integer, object, array, boolean",
            "schema[0].properties[0].required (line 10): must be true or false, not a string"));
  }

  @Test
  void nestedPropertiesAndItemsAreCheckedLikeProperties() {
    String nested =
        "schema:\n  - name: orders\n    properties:\n"
            + "      - name: customer\n        logicalType: object\n        properties:\n"
            + "          - {name: zip, logicalType: string}\n"
            + "          - {logicalType: string}\n"
            + "      - name: lines\n        logicalType: array\n        items:\n"
            + "          logicalType: object\n          properties:\n"
            + "            - {name: sku, logicalType: strin}\n";
    assertThat(
        problems(nested),
        contains(
            "schema[0].properties[0].properties[1].name (line 13): missing; ODCS requires it in a"
                + " property",
            "schema[0].properties[1].items.properties[0].logicalType (line 19): must be one of:"
                + " string, date, timestamp, time, number, integer, object, array, boolean"));
  }

  @Test
  void itemsBelongToArraysAndPropertiesToObjects() {
    assertThat(
        problems(
            "schema:\n  - name: orders\n    properties:\n"
                + "      - name: tags\n        logicalType: string\n        items: {logicalType: string}\n"
                + "      - name: lines\n        logicalType: array\n        properties: []\n"),
        contains(
            "schema[0].properties[0].items (line 11): allowed only on a property of logicalType"
                + " array",
            "schema[0].properties[1].properties (line 14): allowed only on a property of"
                + " logicalType object"));
  }

  @Test
  void withoutALogicalTypeAPropertyMayHaveItemsAndPropertiesButNoOptions() {
    String untyped =
        "schema:\n  - name: orders\n    properties:\n"
            + "      - name: anything\n        items: {}\n        properties: []\n"
            + "        logicalTypeOptions: {}\n";
    assertThat(problems(untyped), empty());
    assertThat(
        problems(
            "schema:\n  - name: orders\n    properties:\n"
                + "      - name: code\n        logicalTypeOptions: {maxLength: 3}\n"),
        contains(
            "schema[0].properties[0].logicalTypeOptions.maxLength (line 10): an option needs the"
                + " property's logicalType: which options are allowed depend on it"));
  }
}
