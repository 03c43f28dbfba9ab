package org.datamesh.core.contract.odcs;

import static org.datamesh.core.contract.odcs.OdcsChecks.problems;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;

/** {@code relationships} of schema objects and of properties (ODCS v3.1). */
class RelationshipsCheckTest {

  private static final String REFERENCE =
      "must be a reference: object.property, or a path of ids such as schema/orders/properties/id";

  /** A contract whose object has {@code relationship} (line 9). */
  private static String onObject(String relationship) {
    return "schema:\n  - name: orders\n    relationships:\n      - " + relationship + "\n";
  }

  /** A contract whose object's property has {@code relationship} (line 11). */
  private static String onProperty(String relationship) {
    return "schema:\n  - name: orders\n    properties:\n      - name: customer_id\n"
        + "        relationships:\n          - " + relationship + "\n";
  }

  @Test
  void referencesAreShorthandsOrPathsOfIds() {
    assertThat(problems(onObject("{from: orders.customer_id, to: customers.id, type: foreignKey}")), empty());
    assertThat(problems(onObject("{from: [orders.a, orders.b], to: [other.a, other.b]}")), empty());
    assertThat(
        problems(onObject("{from: schema/orders/properties/c_id,"
            + " to: 'https://example.org/c.yaml#/schema/customers/properties/id'}")),
        empty());
    assertThat(problems(onProperty("{to: customers.id}")), empty());
  }

  @Test
  void anObjectsRelationshipNamesBothEndsOfOneKind() {
    assertThat(
        problems(onObject("{from: orders.customer_id}")),
        contains(
            "schema[0].relationships[0].to (line 9): missing; ODCS requires it in a relationship"
                + " of a schema object"));
    assertThat(
        problems(onObject("{from: orders.a, to: [customers.a]}")),
        contains(
            "schema[0].relationships[0].to (line 9): must be of the same kind as from: both single"
                + " references, or both lists"));
    assertThat(
        problems(onObject("{from: orders, to: 5, type: primaryKey}")),
        contains(
            "schema[0].relationships[0].from (line 9): " + REFERENCE,
            "schema[0].relationships[0].to (line 9): " + REFERENCE,
            "schema[0].relationships[0].type (line 9): must be one of: foreignKey"));
  }

  @Test
  void aCompositeKeyListsAtLeastOneReference() {
    assertThat(
        problems(onObject("{from: [], to: []}")),
        contains(
            "schema[0].relationships[0].from (line 9): must list at least one reference",
            "schema[0].relationships[0].to (line 9): must list at least one reference"));
  }

  @Test
  void aPropertysRelationshipHasNoFrom() {
    assertThat(
        problems(onProperty("{from: orders.customer_id, to: customers.id}")),
        contains(
            "schema[0].properties[0].relationships[0].from (line 11): not given on a property: the"
                + " property is the relationship's from"));
  }
}
