package org.datamesh.core.evolution;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;
import org.datamesh.core.publish.Manifest;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

  /** What version 1.4.2 of the product published. */
  static final List<Manifest.Column> PUBLISHED =
      List.of(
          new Manifest.Column("id", "STRING", false),
          new Manifest.Column("qty", "INT32", true),
          new Manifest.Column("amount", "DECIMAL(10,2)", false),
          new Manifest.Column("score", "FLOAT", true),
          new Manifest.Column("note", "STRING", true));

  static Schema.Builder current() {
    return Schema.builder()
        .addStringField("id")
        .addNullableField("qty", FieldType.INT32)
        .addField("amount", DataTypes.decimal(10, 2))
        .addNullableField("score", FieldType.FLOAT)
        .addNullableField("note", FieldType.STRING);
  }

  static EvolutionReport evolve(Schema schema, String version) {
    return SchemaEvolution.from(PUBLISHED, "1.4.2").to(schema, version);
  }

  /** The same schema, with {@code field} given another type and the same nullability. */
  static Schema replacing(String field, FieldType type) {
    boolean nullable = current().build().getField(field).getType().getNullable();
    return replacingExactly(field, type.withNullable(nullable));
  }

  /** The same schema, with {@code field} of exactly {@code type}, nullability included. */
  static Schema replacingExactly(String field, FieldType type) {
    Schema.Builder builder = Schema.builder();
    for (Schema.Field f : current().build().getFields()) {
      builder.addField(f.getName().equals(field) ? Schema.Field.of(field, type) : f);
    }
    return builder.build();
  }

  static Schema without(String field) {
    Schema.Builder builder = Schema.builder();
    current().build().getFields().stream().filter(f -> !f.getName().equals(field)).forEach(builder::addField);
    return builder.build();
  }

  @Test
  void theSameSchemaHasNoChanges() {
    EvolutionReport report = evolve(current().build(), "1.4.3");
    assertThat(report.changes(), is(empty()));
    assertThat(report.allowed(), is(true));
  }

  @Test
  void addingAnOptionalFieldIsCompatible() {
    EvolutionReport report =
        evolve(current().addNullableField("channel", FieldType.STRING).build(), "1.5.0");
    assertThat(
        report.changes(),
        contains(
            new SchemaChange(
                "channel", ChangeKind.FIELD_ADDED_OPTIONAL, "channel (STRING, nullable) is new", false)));
    assertThat(report.isBreaking(), is(false));
    assertThat(report.allowed(), is(true));
  }

  @Test
  void addingARequiredFieldIsBreaking() {
    EvolutionReport report = evolve(current().addStringField("channel").build(), "1.5.0");
    assertThat(report.changes().size(), is(1));
    assertThat(report.changes().get(0).kind(), equalTo(ChangeKind.FIELD_ADDED_REQUIRED));
    assertThat(report.changes().get(0).breaking(), is(true));
    assertThat(report.allowed(), is(false));
  }

  @Test
  void removingAFieldIsBreaking() {
    EvolutionReport report = evolve(without("note"), "1.5.0");
    assertThat(
        report.changes(),
        contains(
            new SchemaChange(
                "note", ChangeKind.FIELD_REMOVED, "note (STRING) is no longer published", true)));
    assertThat(report.allowed(), is(false));
  }

  @Test
  void renamingAFieldIsARemovalAndAnAddition() {
    Schema renamed =
        Schema.builder()
            .addStringField("id")
            .addNullableField("quantity", FieldType.INT32)
            .addField("amount", DataTypes.decimal(10, 2))
            .addNullableField("score", FieldType.FLOAT)
            .addNullableField("note", FieldType.STRING)
            .build();
    EvolutionReport report = evolve(renamed, "1.5.0");
    assertThat(
        report.changes().stream().map(c -> c.field() + " " + c.kind() + " " + c.breaking()).toList(),
        contains("qty FIELD_REMOVED true", "quantity FIELD_ADDED_OPTIONAL false"));
    assertThat(report.isBreaking(), is(true));
    assertThat(report.allowed(), is(false));
  }

  @Test
  void wideningATypeIsCompatible() {
    for (Schema widened :
        List.of(
            replacing("qty", FieldType.INT64),
            replacing("qty", DataTypes.decimal(12, 2)),
            replacing("amount", DataTypes.decimal(14, 2)),
            replacing("score", FieldType.DOUBLE))) {
      EvolutionReport report = evolve(widened, "1.5.0");
      assertThat(report.toString(), report.changes().size(), is(1));
      assertThat(report.toString(), report.changes().get(0).kind(), equalTo(ChangeKind.TYPE_WIDENED));
      assertThat(report.allowed(), is(true));
    }
    assertThat(
        evolve(replacing("qty", FieldType.INT64), "1.5.0").changes().get(0).description(),
        equalTo("qty: INT32 -> INT64"));
  }

  @Test
  void narrowingOrOtherwiseChangingATypeIsBreaking() {
    for (Schema changed :
        List.of(
            replacing("qty", FieldType.INT16),
            replacing("qty", DataTypes.decimal(11, 2)), // 9 digits before the point: too few
            replacing("amount", DataTypes.decimal(8, 2)),
            replacing("amount", DataTypes.decimal(12, 3)), // another scale
            replacing("amount", FieldType.DOUBLE),
            replacing("score", FieldType.INT64),
            replacing("note", FieldType.INT64))) {
      EvolutionReport report = evolve(changed, "1.5.0");
      assertThat(report.toString(), report.changes().size(), is(1));
      assertThat(report.toString(), report.changes().get(0).kind(), equalTo(ChangeKind.TYPE_CHANGED));
      assertThat(report.allowed(), is(false));
    }
  }

  @Test
  void makingANullableFieldRequiredIsBreaking() {
    EvolutionReport report = evolve(replacingExactly("note", FieldType.STRING), "1.5.0");
    assertThat(
        report.changes(),
        contains(new SchemaChange("note", ChangeKind.MADE_REQUIRED, "note: nullable -> required", true)));
    assertThat(report.allowed(), is(false));
  }

  @Test
  void makingARequiredFieldNullableIsCompatible() {
    EvolutionReport report = evolve(replacingExactly("id", FieldType.STRING.withNullable(true)), "1.5.0");
    assertThat(
        report.changes(),
        contains(new SchemaChange("id", ChangeKind.MADE_NULLABLE, "id: required -> nullable", false)));
    assertThat(report.allowed(), is(true));
  }

  @Test
  void aBreakingChangeIsAllowedWithAGreaterMajorVersionOnly() {
    Schema breaking = without("note");
    assertThat(evolve(breaking, "2.0.0").allowed(), is(true));
    assertThat(evolve(breaking, "10.0").allowed(), is(true));
    assertThat(evolve(breaking, "1.9.9").allowed(), is(false));
    assertThat(evolve(breaking, "0.9.0").allowed(), is(false));
    assertThat("no leading number, no major bump", evolve(breaking, "next").allowed(), is(false));
    assertThat(evolve(breaking, "2.0.0").isBreaking(), is(true));
  }

  @Test
  void readsTheMajorVersionAsTheLeadingInteger() {
    assertThat(EvolutionReport.major("2.1.0").getAsInt(), is(2));
    assertThat(EvolutionReport.major("13").getAsInt(), is(13));
    assertThat(EvolutionReport.major("3-beta").getAsInt(), is(3));
    assertThat(EvolutionReport.major("v2").isPresent(), is(false));
  }

  @Test
  void theExceptionListsEachBreakingChange() {
    Schema schema =
        Schema.builder()
            .addStringField("id")
            .addField("qty", FieldType.INT16)
            .addField("amount", DataTypes.decimal(10, 2))
            .addNullableField("score", FieldType.DOUBLE)
            .build();
    BreakingChangeException e =
        new BreakingChangeException("sales.orders", evolve(schema, "1.5.0"));
    assertThat(
        e.getMessage(),
        equalTo(
            "sales.orders: version 1.5.0 breaks consumers of the published version 1.4.2;"
                + " raise the major version to publish it anyway. Breaking changes:"
                + "\n  TYPE_CHANGED: qty: INT32 -> INT16"
                + "\n  MADE_REQUIRED: qty: nullable -> required"
                + "\n  FIELD_REMOVED: note (STRING) is no longer published"));
    assertThat(e.report().changes().size(), is(4));
    assertThat(e.report().toString(), containsString("compatible TYPE_WIDENED: score: FLOAT -> DOUBLE"));
  }
}
