package org.datamesh.core.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.product.RunId;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.FieldProtection;
import org.datamesh.core.protect.ProtectionStep;
import org.datamesh.core.record.ConformToSchema;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Published products read back through their manifest, whole and as roles. */
@ExtendWith(TestPipelineExtension.class)
class ReadDataProductTest {

  static final DataKeys KEYS = DataKeys.generate();

  static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("customer_id", FieldType.STRING)
          .addNullableField("email", FieldType.STRING)
          .addNullableField("phone", FieldType.STRING)
          .addNullableField("city", FieldType.STRING)
          .addNullableField("country", FieldType.STRING)
          .addNullableField("born", DataTypes.date())
          .addNullableField("balance", DataTypes.decimal(10, 2))
          .addNullableField("seen", FieldType.DATETIME)
          .build();

  @TempDir Path dir;
  String product;

  @BeforeEach
  void publish() throws Exception {
    Path input =
        Files.writeString(
            dir.resolve("customers.csv"),
            "customer_id,email,phone,city,country,born,balance,seen\n"
                + "C-1,ada@example.com,+4930123456,Berlin,DE,1985-07-14,12.50,2024-03-01T10:00:00Z\n"
                + "C-2,grace@example.com,+4420794609,London,GB,1990-12-03,-3.25,2024-03-02T11:30:00Z\n"
                + "C-3,alan@example.com,,Munich,DE,,0.00,\n");
    ProductSpec spec =
        ProductSpec.of(DataProduct.of("crm", "customers", "1.0.0"))
            .readingFrom(RecordFormat.csv(raw()))
            .through(ConformToSchema.to(SCHEMA))
            .protectedBy(
                ProtectionStep.of(
                    KEYS, FieldProtection.tokenize("customer_id"), FieldProtection.encrypt("email")))
            .deduplicatedBy("customer_id");
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply(
        DataProductPipeline.of(spec)
            .from(input.toString())
            .to(dir.resolve("out").toString())
            .withRunId(RunId.generate()));
    p.run().waitUntilFinish();
    product = dir.resolve("out/crm/customers").toString();
  }

  private static Schema raw() {
    Schema.Builder raw = Schema.builder();
    for (Schema.Field field : SCHEMA.getFields()) {
      raw.addField(field);
    }
    return raw.build();
  }

  @Test
  void everyColumnComesBackWithItsExactTypeAndValue(TestPipeline pipeline) {
    PCollection<Row> rows = pipeline.apply(ReadDataProduct.from(product));

    assertThat(rows.getSchema().getFieldNames(), equalTo(SCHEMA.getFieldNames()));
    assertThat(rows.getSchema().getField("balance").getType(), equalTo(SCHEMA.getField("balance").getType()));
    PAssert.that(rows)
        .satisfies(
            all -> {
              List<Row> list = list(all);
              Row ada = list.stream().filter(r -> "Berlin".equals(r.getString("city"))).findFirst().get();
              assertThat(ada.getString("customer_id"), startsWith("tok:"));
              assertThat(ada.getString("email"), startsWith("enc:"));
              assertThat(ada.getLogicalTypeValue("born", LocalDate.class), equalTo(LocalDate.of(1985, 7, 14)));
              assertThat(ada.getDecimal("balance"), equalTo(new BigDecimal("12.50")));
              // Published as Beam's millisecond DATETIME, read back as a microsecond timestamp.
              assertThat(ada.getValue("seen"), equalTo(java.time.Instant.parse("2024-03-01T10:00:00Z")));
              assertThat(list.size(), equalTo(3));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aRoleReadsOnlyItsColumnsMaskedDecryptedAndFiltered(TestPipeline pipeline) {
    RoleAccess marketing =
        RoleAccess.named("marketing")
            .readingOnly("city")
            .masking("phone")
            .inClear("email")
            .filteredBy(
                RowFilter.of("country == 'DE'", Set.of("country"), r -> "DE".equals(r.getString("country"))));

    PCollection<Row> rows =
        pipeline.apply(ReadDataProduct.from(product).as(marketing).withKeys(KEYS));

    assertThat(rows.getSchema().getFieldNames(), contains("email", "phone", "city"));
    PAssert.that(rows)
        .satisfies(
            all -> {
              List<String> seen = new ArrayList<>();
              for (Row row : all) {
                seen.add(row.getString("email") + " " + row.getString("phone") + " " + row.getString("city"));
              }
              assertThat(
                  seen,
                  containsInAnyOrder(
                      "ada@example.com ********456 Berlin", "alan@example.com null Munich"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aRoleNamingWhatTheTableLacksOrReadingInClearWithoutKeysIsRefused(TestPipeline pipeline) {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> pipeline.apply("A", ReadDataProduct.from(product).as(RoleAccess.named("x").readingOnly("ssn"))));
    assertThat(unknown.getMessage(), containsString("ssn"));
    IllegalArgumentException keys =
        assertThrows(
            IllegalArgumentException.class,
            () -> pipeline.apply("B", ReadDataProduct.from(product).as(RoleAccess.named("x").inClear("email"))));
    assertThat(keys.getMessage(), containsString("keyset"));
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  private static <T> List<T> list(Iterable<T> items) {
    List<T> all = new ArrayList<>();
    items.forEach(all::add);
    return all;
  }
}
