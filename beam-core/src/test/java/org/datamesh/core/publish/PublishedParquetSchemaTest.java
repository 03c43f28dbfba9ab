package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.support.DuckDb;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet footer of a published file says what the contract says, read by DuckDB. */
@ExtendWith(TestPipelineExtension.class)
class PublishedParquetSchemaTest {

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("note", FieldType.STRING)
          .addField("amount", DataTypes.decimal(18, 4))
          .addNullableField("rate", DataTypes.decimal(5, 3))
          .addField("at", DataTypes.timestamp())
          .addNullableField("day", DataTypes.date())
          .addInt64Field("qty")
          .build();

  @TempDir Path out;

  @Test
  void requiredFieldsAreRequiredAndDecimalsAndTimestampsExact(TestPipeline pipeline)
      throws Exception {
    Row row =
        Row.withSchema(SCHEMA)
            .addValues(
                "A1",
                null,
                new BigDecimal("12345678901234.5678"),
                null,
                Instant.parse("2024-03-05T10:15:30.123456Z"),
                LocalDate.of(2024, 3, 5),
                3L)
            .build();
    PCollection<Row> rows = pipeline.apply("Rows", Create.of(row).withRowSchema(SCHEMA));
    ProductRecords.of(
            pipeline.apply("Input", Create.of(1L)),
            rows,
            pipeline.apply("NoFailures", Create.empty(TypeDescriptor.of(Failure.class))),
            pipeline.apply("NoDuplicates", Create.empty(SCHEMA)))
        .apply(
            PublishDataProduct.of(DataProduct.of("finance", "ledger", "1.0.0"))
                .to(out.toString())
                .withRunId("r"));
    pipeline.run().waitUntilFinish();

    Path productDir = out.resolve("finance/ledger");
    Manifest manifest = Manifest.read(productDir);
    String file = productDir.resolve(manifest.files().get(0)).toString();
    Map<String, String> columns = new LinkedHashMap<>();
    for (Map<String, Object> c :
        DuckDb.query(
            "SELECT name, repetition_type, logical_type FROM parquet_schema('" + file
                + "') WHERE num_children IS NULL")) {
      columns.put(
          (String) c.get("name"), c.get("repetition_type") + " " + c.get("logical_type"));
    }
    assertThat(
        columns,
        equalTo(
            Map.of(
                "id", "REQUIRED StringType()",
                "note", "OPTIONAL StringType()",
                "amount", "REQUIRED DecimalType(scale=4, precision=18)",
                "rate", "OPTIONAL DecimalType(scale=3, precision=5)",
                "at", "REQUIRED TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>, MICROS=MicroSeconds(), NANOS=<null>))",
                "day", "OPTIONAL DateType()",
                "qty", "REQUIRED null")));
    Map<String, Object> back =
        DuckDb.query(
                "SELECT amount, epoch_us(\"at\") AS at_us FROM " + DuckDb.parquet(productDir, manifest.files()))
            .get(0);
    assertThat(back.get("amount"), equalTo(new BigDecimal("12345678901234.5678")));
    assertThat(back.get("at_us"), equalTo(1_709_633_730_123_456L));
    assertThat(
        manifest.schema(),
        equalTo(
            List.of(
                new Manifest.Column("id", "STRING", false),
                new Manifest.Column("note", "STRING", true),
                new Manifest.Column("amount", "DECIMAL(18,4)", false),
                new Manifest.Column("rate", "DECIMAL(5,3)", true),
                new Manifest.Column("at", "TIMESTAMP", false),
                new Manifest.Column("day", "DATE", true),
                new Manifest.Column("qty", "INT64", false))));
  }
}
