package org.datamesh.core.evolution;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;
import org.datamesh.core.publish.Manifest;
import org.junit.jupiter.api.Test;

/** Changes inside objects and arrays, compared field by field under their paths. */
class NestedSchemaEvolutionTest {

  private static Schema orders(Schema address, FieldType lineQuantity) {
    Schema line = Schema.builder().addStringField("sku").addField("qty", lineQuantity).build();
    return Schema.builder()
        .addRowField("customer", Schema.builder().addRowField("address", address).build())
        .addArrayField("lines", FieldType.row(line))
        .addNullableField("at", DataTypes.time())
        .build();
  }

  private static final Schema ADDRESS = Schema.builder().addStringField("zip").build();

  private static EvolutionReport evolve(Schema next, String version) {
    List<Manifest.Column> published = Manifest.columnsOf(orders(ADDRESS, FieldType.INT32));
    return SchemaEvolution.from(published, "1.0.0").to(next, version);
  }

  @Test
  void theSameNestedSchemaHasNoChanges() {
    assertThat(evolve(orders(ADDRESS, FieldType.INT32), "1.0.1").changes(), is(empty()));
  }

  @Test
  void anOptionalNestedFieldAddedIsCompatible() {
    Schema address = Schema.builder().addStringField("zip").addNullableField("city", FieldType.STRING).build();

    EvolutionReport report = evolve(orders(address, FieldType.INT32), "1.1.0");

    assertThat(
        report.changes(),
        contains(
            SchemaChange.of(
                "customer.address.city",
                ChangeKind.FIELD_ADDED_OPTIONAL,
                "customer.address.city (STRING, nullable) is new")));
    assertThat(report.allowed(), is(true));
  }

  @Test
  void aNestedTypeWidenedIsCompatibleAndChangedIsBreaking() {
    assertThat(
        evolve(orders(ADDRESS, FieldType.INT64), "1.1.0").changes(),
        contains(
            SchemaChange.of("lines[].qty", ChangeKind.TYPE_WIDENED, "lines[].qty: INT32 -> INT64")));

    EvolutionReport changed = evolve(orders(ADDRESS, FieldType.STRING), "1.1.0");
    assertThat(
        changed.changes(),
        contains(
            SchemaChange.of("lines[].qty", ChangeKind.TYPE_CHANGED, "lines[].qty: INT32 -> STRING")));
    assertThat(changed.allowed(), is(false));
  }

  @Test
  void aNestedFieldRemovedOrMadeRequiredIsBreaking() {
    Schema address = Schema.builder().addNullableField("zip", FieldType.STRING).build();
    assertThat(
        evolve(orders(address, FieldType.INT32), "1.1.0").changes(),
        contains(
            SchemaChange.of(
                "customer.address.zip", ChangeKind.MADE_NULLABLE, "customer.address.zip: required -> nullable")));

    Schema empty = Schema.builder().addNullableField("street", FieldType.STRING).build();
    EvolutionReport report = evolve(orders(empty, FieldType.INT32), "1.1.0");
    assertThat(report.isBreaking(), is(true));
    assertThat(
        report.changes().stream().map(SchemaChange::field).toList(),
        contains("customer.address.zip", "customer.address.street"));
  }

  @Test
  void aStructBecomingAnArrayIsATypeChange() {
    Schema next =
        Schema.builder()
            .addArrayField("customer", FieldType.STRING)
            .addArrayField("lines", FieldType.row(Schema.builder().addStringField("sku").addInt32Field("qty").build()))
            .addNullableField("at", DataTypes.time())
            .build();
    EvolutionReport report = evolve(next, "2.0.0");
    assertThat(report.changes().get(0).kind(), is(ChangeKind.TYPE_CHANGED));
    assertThat(report.allowed(), is(true));
  }
}
