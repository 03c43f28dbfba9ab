package org.datamesh.pipelines.readme;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.datamesh.core.testing.RowMatchers.fieldValues;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.datamesh.core.StageResult;
import org.datamesh.core.dedup.DeduplicateRows;
import org.datamesh.core.dedup.DeduplicationResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.pipeline.BuildProduct;
import org.datamesh.core.parse.ParseCsv;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.standardize.StandardizationStep;
import org.datamesh.rules.ValidationStep;
import org.datamesh.core.publish.PublishDataProduct;
import org.datamesh.core.standardize.Standardize;
import org.datamesh.core.standardize.Standardizers;
import org.datamesh.rules.RuleSet;
import org.datamesh.rules.Rules;
import org.datamesh.rules.ValidationResult;
import org.datamesh.rules.Validate;
import org.datamesh.core.testing.ProductTestInput;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Building a product" and "Testing your pipelines" examples, kept compiling and
 * working.
 */
@ExtendWith(TestPipelineExtension.class)
class ComposingAProductTest {

  @TempDir Path exports;
  @TempDir Path products;

  @Test
  void theReadmeExampleRunsAndBalances() throws Exception {
    Files.writeString(
        exports.resolve("orders.csv"),
        "order_id,amount,currency,order_ts,quantity\n"
            + "O1,10.005,eur,2024-03-05T10:00:00Z,1\n"
            + "O1,10.005,eur,2024-03-05T10:00:00Z,1\n"
            + "O2,-1,EUR,2024-03-05T10:00:00Z,1\n"
            + "O3,5,EUR,2024-03-05T10:00:00Z,500\n",
        StandardCharsets.UTF_8);
    Schema rawSchema =
        Schema.builder()
            .addNullableField("order_id", FieldType.STRING)
            .addNullableField("amount", FieldType.DECIMAL)
            .addNullableField("currency", FieldType.STRING)
            .addNullableField("order_ts", FieldType.STRING)
            .addNullableField("quantity", FieldType.INT32)
            .build();
    PipelineOptions options = PipelineOptionsFactory.create();
    String input = exports.resolve("*.csv").toString();
    String output = products.toString();

    // From here on, the README's example as it stands (paths aside).
    Pipeline pipeline = Pipeline.create(options);
    StageResult parsed = pipeline
        .apply(FileIO.match().filepattern(input)).apply(FileIO.readMatches())
        .apply(ParseCsv.of(rawSchema).forProduct("sales.orders").withSourcePositions());
    ValidationResult valid = parsed.rows().apply(Validate.with(RuleSet.of(
        Rules.notNull("order_id"), Rules.atLeast("amount", 0),
        Rules.atMost("quantity", 100).asWarning().withId("quantity.bulk"))));
    StageResult standard = valid.rows().apply(Standardize.fields(
        Standardizers.upperCase("currency"), Standardizers.timestampUtc("order_ts"),
        Standardizers.currencyAmount("amount", "currency")));
    DeduplicationResult unique = standard.rows().apply(DeduplicateRows.byKey("order_id"));
    PCollection<Failure> failures = PCollectionList.of(parsed.failures()).and(valid.failures())
        .and(standard.failures()).apply(Flatten.pCollections());
    ProductRecords.of(parsed.recordCount(), unique.unique(), failures, unique.duplicates())
        .apply(PublishDataProduct.of(DataProduct.of("sales", "orders", "1.0.0")).to(output));
    pipeline.run().waitUntilFinish();

    Manifest manifest = Manifest.read(products.resolve("sales/orders"));
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(4, 2, 1, 1)));
  }

  @Test
  void theReadmeSpecExampleRunsAndBalances() throws Exception {
    Files.writeString(
        exports.resolve("orders.csv"),
        "order_id,amount,currency,order_ts,quantity\n"
            + "O1,10.005,eur,2024-03-05T10:00:00Z,1\n"
            + "O1,10.005,eur,2024-03-05T10:00:00Z,1\n"
            + "O2,-1,EUR,2024-03-05T10:00:00Z,1\n"
            + "O3,5,EUR,2024-03-05T10:00:00Z,500\n"
            + "O4,5,XXX,2024-03-05T10:00:00Z,1\n",
        StandardCharsets.UTF_8);
    Schema rawSchema =
        Schema.builder()
            .addNullableField("order_id", FieldType.STRING)
            .addNullableField("amount", FieldType.DECIMAL)
            .addNullableField("currency", FieldType.STRING)
            .addNullableField("order_ts", FieldType.STRING)
            .addNullableField("quantity", FieldType.INT32)
            .build();
    PipelineOptions options = PipelineOptionsFactory.create();

    // The README's example as it stands (paths aside).
    Pipeline pipeline = Pipeline.create(options);
    ProductSpec orders = ProductSpec.of(DataProduct.of("sales", "orders", "1.0.0"))
        .readingFrom(RecordFormat.csv(rawSchema))
        .through(
            ValidationStep.of(RuleSet.of(
                Rules.notNull("order_id"), Rules.atLeast("amount", 0),
                Rules.atMost("quantity", 100).asWarning().withId("quantity.bulk"))),
            StandardizationStep.of(
                Standardizers.upperCase("currency"), Standardizers.timestampUtc("order_ts"),
                Standardizers.currencyAmount("amount", "currency")))
        .deduplicatedBy("order_id");
    pipeline.apply(DataProductPipeline.of(orders)
        .from(exports.resolve("*.csv").toString()).to(products.toString()));
    pipeline.run().waitUntilFinish();

    Manifest manifest = Manifest.read(products.resolve("sales/orders"));
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(5, 2, 2, 1)));
    assertThat(manifest.quality().failuresByStage(), equalTo(java.util.Map.of("VALIDATE", 1L, "STANDARDIZE", 1L)));
    assertThat(manifest.quality().warningsByRule(), equalTo(java.util.Map.of("quantity.bulk", 1L)));
  }

  /** The README's spec, as "Building a product" declares it. */
  static ProductSpec orders() {
    Schema rawSchema = Schema.builder()
        .addNullableField("order_id", FieldType.STRING)
        .addNullableField("amount", FieldType.DECIMAL)
        .addNullableField("currency", FieldType.STRING)
        .addNullableField("order_ts", FieldType.STRING)
        .addNullableField("quantity", FieldType.INT32)
        .build();
    return ProductSpec.of(DataProduct.of("sales", "orders", "1.0.0"))
        .readingFrom(RecordFormat.csv(rawSchema))
        .through(
            ValidationStep.of(RuleSet.of(
                Rules.notNull("order_id"), Rules.atLeast("amount", 0),
                Rules.atMost("quantity", 100).asWarning().withId("quantity.bulk"))),
            StandardizationStep.of(
                Standardizers.upperCase("currency"), Standardizers.timestampUtc("order_ts"),
                Standardizers.currencyAmount("amount", "currency")))
        .deduplicatedBy("order_id");
  }

  @Test
  void theReadmeWholeProductTestPasses(TestPipeline pipeline) {
    ProductSpec orders = orders();

    // The README's "A whole product, without files", as it stands.
    ProductRecords records = pipeline
        .apply(ProductTestInput.file("orders.csv",
            "order_id,amount,currency,order_ts,quantity",
            "O1,10.005,eur,2024-03-05T10:00:00+01:00,1",
            "O1,10.005,eur,2024-03-05T10:00:00+01:00,1",
            "O2,-1,EUR,2024-03-05T10:00:00Z,1",
            "O3,5,EUR,yesterday,1"))
        .apply(BuildProduct.of(orders));   // the ProductSpec above
    PAssert.thatSingleton(records.inputCount()).isEqualTo(4L);
    PAssert.that(records.published()).satisfies(rows -> {
      assertThat(rows, fieldValues("order_id", contains("O1")));
      return null;
    });
    PAssert.that(records.failures()).satisfies(fs -> {
      assertThat(fs, containsInAnyOrder(
          allOf(failedAt(Stage.VALIDATE), hasRule("amount.range"), atRecord(3)),
          allOf(failedAt(Stage.STANDARDIZE), atRecord(4))));
      return null;
    });
    PAssert.that(records.duplicates()).satisfies(rows -> {
      assertThat(rows, fieldValues("order_id", contains("O1")));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
