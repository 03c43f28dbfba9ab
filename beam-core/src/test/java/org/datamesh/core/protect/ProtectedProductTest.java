package org.datamesh.core.protect;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.pipeline.BuildProduct;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.testing.ProductTestInput;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A whole product with protected columns: files, duplicates and failures hold no clear value. */
@ExtendWith(TestPipelineExtension.class)
class ProtectedProductTest {

  static final DataKeys KEYS = DataKeys.generate();

  static final Schema RAW =
      Schema.builder()
          .addNullableField("customer_id", FieldType.STRING)
          .addNullableField("email", FieldType.STRING)
          .addNullableField("visits", FieldType.INT32)
          .build();

  static final ProductSpec SPEC =
      ProductSpec.of(DataProduct.of("crm", "customers", "1.0.0"))
          .readingFrom(RecordFormat.csv(RAW))
          .protectedBy(
              ProtectionStep.of(
                  KEYS, FieldProtection.tokenize("customer_id"), FieldProtection.encrypt("email")))
          .deduplicatedBy("customer_id");

  @Test
  void publishedRowsDuplicatesAndFailuresAreProtected(TestPipeline pipeline) {
    ProductRecords records =
        pipeline
            .apply(
                ProductTestInput.file(
                    "customers.csv",
                    "customer_id,email,visits",
                    "C-1,ada@example.com,3",
                    "C-2,grace@example.com,many",
                    "C-1,ada@example.com,4",
                    "C-3,\"alan@example.com,1"))
            .apply(BuildProduct.of(SPEC));

    PAssert.thatSingleton(records.inputCount()).isEqualTo(4L);
    PAssert.that(records.published())
        .satisfies(
            rows -> {
              List<Row> all = list(rows);
              assertThat(all, hasSize(1));
              Row row = all.get(0);
              assertThat(row.getString("customer_id"), startsWith("tok:"));
              assertThat(reveal(row.getString("email")), equalTo("ada@example.com"));
              return null;
            });
    PAssert.that(records.duplicates())
        .satisfies(
            rows -> {
              for (Row row : rows) {
                assertThat(row.getString("customer_id"), startsWith("tok:"));
                assertThat(row.getString("email"), startsWith("enc:"));
              }
              return null;
            });
    PAssert.that(records.failures())
        .satisfies(
            failures -> {
              List<Failure> all = list(failures);
              assertThat(all, hasSize(2));
              List<String> clear = new ArrayList<>();
              for (Failure failure : all) {
                assertThat(failure.rawPayload(), startsWith("enc:"));
                assertThat(failure.reason(), not(org.hamcrest.Matchers.containsString("@")));
                clear.add(reveal(failure.rawPayload()));
              }
              assertThat(
                  clear,
                  containsInAnyOrder("C-2,grace@example.com,many", "C-3,\"alan@example.com,1"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theSpecSaysItsFailuresAreEncrypted() {
    assertThat(SPEC.failureKeys(), is(KEYS));
    assertThat(SPEC.outputSchema().getField("customer_id").getType().getTypeName(), is(FieldType.STRING.getTypeName()));
    assertThat(list(SPEC.path().describe()), everyItem(not(org.hamcrest.Matchers.containsString("@"))));
  }

  private static String reveal(String value) {
    try {
      return ProtectedText.reveal(KEYS, value);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static <T> List<T> list(Iterable<T> items) {
    List<T> all = new ArrayList<>();
    items.forEach(all::add);
    return all;
  }
}
