package org.datamesh.core.relate;

import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.datamesh.core.testing.FailureMatchers.onField;
import static org.datamesh.core.testing.FailureMatchers.withRawPayload;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rows with a match pass, rows without one fail (or warn), rows with a null part are not checked. */
@ExtendWith(TestPipelineExtension.class)
class CheckRelationshipTest {

  static final Schema ORDERS =
      Schema.builder().addStringField("order_id").addNullableField("country", FieldType.STRING).build();
  static final Schema LINES =
      Schema.builder()
          .addNullableField("order_id", FieldType.STRING)
          .addInt32Field("line_no")
          .addNullableField("country", FieldType.STRING)
          .build();
  static final Relationship LINES_TO_ORDERS =
      Relationship.from("order_lines", "order_id").to("orders", "order_id");

  private static Row order(String id) {
    return Row.withSchema(ORDERS).addValues(id, "DE").build();
  }

  private static Row line(String orderId, int lineNo) {
    return Row.withSchema(LINES).addValues(orderId, lineNo, "DE").build();
  }

  private static PCollection<Row> orders(TestPipeline p, String... ids) {
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(order(id));
    }
    return p.apply("Orders", Create.of(rows).withRowSchema(ORDERS));
  }

  @Test
  void rowsWithAMatchPassAndOrphansFailWithTheRelationshipsRule(TestPipeline pipeline) {
    PCollection<Row> lines =
        pipeline.apply(
            "Lines",
            Create.of(line("A-1", 1), line("A-1", 2), line("A-2", 1), line("ZZ-9", 1), line(null, 1))
                .withRowSchema(LINES));

    StageResult checked =
        lines.apply(
            CheckRelationship.of(LINES_TO_ORDERS, orders(pipeline, "A-1", "A-2", "A-3"))
                .forProduct("sales.orders")
                .withShards(4));

    // A null order id is not the relationship's business (required is), so it passes.
    PAssert.that(checked.rows())
        .containsInAnyOrder(line("A-1", 1), line("A-1", 2), line("A-2", 1), line(null, 1));
    PAssert.that(checked.failures())
        .satisfies(
            failures -> {
              List<Failure> all = new ArrayList<>();
              failures.forEach(all::add);
              assertThat(all.size(), is(1));
              Failure orphan = all.get(0);
              assertThat(
                  orphan,
                  allOf(
                      failedAt(Stage.VALIDATE),
                      hasRule("order_lines.order_id.relationship"),
                      onField("order_id"),
                      withRawPayload("{\"order_id\":\"ZZ-9\",\"line_no\":1,\"country\":\"DE\"}")));
              assertThat(orphan.product(), is("sales.orders"));
              assertThat(
                  orphan.violations().get(0).reason(),
                  equalTo(
                      "order_id must match orders.order_id (relationship: the value was not"
                          + " found there)"));
              assertThat(orphan.reason(), not(containsString("ZZ-9")));
              return null;
            });
    PAssert.that(checked.warningCounts()).empty();
    PAssert.thatSingleton(checked.recordCount()).isEqualTo(5L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void compositeKeysMatchOnEveryColumnAndValuesCompareByTheirText(TestPipeline pipeline) {
    Schema numbered =
        Schema.builder().addInt64Field("order_no").addStringField("country").build();
    PCollection<Row> referencing =
        pipeline.apply(
            "Lines",
            Create.of(
                    Row.withSchema(numbered).addValues(1L, "DE").build(),
                    Row.withSchema(numbered).addValues(1L, "FR").build(),
                    Row.withSchema(numbered).addValues(2L, "DE").build())
                .withRowSchema(numbered));
    PCollection<Row> referenced =
        pipeline.apply(
            "Orders",
            Create.of(
                    Row.withSchema(ORDERS).addValues("1", "DE").build(),
                    Row.withSchema(ORDERS).addValues("2", "FR").build())
                .withRowSchema(ORDERS));
    Relationship composite =
        Relationship.from("lines", "order_no", "country").to("orders", "order_id", "country");

    StageResult checked = referencing.apply(CheckRelationship.of(composite, referenced).withShards(2));

    PAssert.that(checked.rows()).containsInAnyOrder(Row.withSchema(numbered).addValues(1L, "DE").build());
    PAssert.that(checked.failures())
        .satisfies(
            failures -> {
              List<String> rules = new ArrayList<>();
              failures.forEach(f -> rules.add(f.ruleId() + " " + f.field()));
              assertThat(
                  rules,
                  containsInAnyOrder(
                      "lines.order_no+country.relationship order_no+country",
                      "lines.order_no+country.relationship order_no+country"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aWarnRelationshipPublishesItsOrphansAndCountsThem(TestPipeline pipeline) {
    PCollection<Row> lines =
        pipeline.apply(
            "Lines",
            Create.of(line("A-1", 1), line("B-1", 1), line("B-2", 1)).withRowSchema(LINES));

    StageResult checked =
        lines.apply(
            CheckRelationship.of(
                LINES_TO_ORDERS.withSeverity(Severity.WARN), orders(pipeline, "A-1")));

    PAssert.that(checked.rows()).containsInAnyOrder(line("A-1", 1), line("B-1", 1), line("B-2", 1));
    PAssert.that(checked.failures()).empty();
    PAssert.that(checked.warningCounts())
        .containsInAnyOrder(KV.of("order_lines.order_id.relationship", 2L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void anEmptyReferencedTableMakesEveryRowWithAKeyAnOrphan(TestPipeline pipeline) {
    PCollection<Row> lines =
        pipeline.apply("Lines", Create.of(line("A-1", 1), line(null, 2)).withRowSchema(LINES));

    StageResult checked =
        lines.apply(CheckRelationship.of(LINES_TO_ORDERS, orders(pipeline)).withShards(3));

    PAssert.that(checked.rows()).containsInAnyOrder(line(null, 2));
    PAssert.that(checked.failures())
        .satisfies(
            failures -> {
              List<Failure> all = new ArrayList<>();
              failures.forEach(all::add);
              assertThat(all, everyItem(hasRule("order_lines.order_id.relationship")));
              assertThat(all.size(), is(1));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aColumnEitherSideLacksIsRefusedWhenThePipelineIsBuilt(TestPipeline pipeline) {
    pipeline.enableAbandonedNodeEnforcement(false);
    PCollection<Row> lines = pipeline.apply("Lines", Create.of(line("A-1", 1)).withRowSchema(LINES));
    Relationship wrong = Relationship.from("order_lines", "order_id").to("orders", "id");

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> lines.apply(CheckRelationship.of(wrong, orders(pipeline, "A-1"))));

    assertThat(refused.getMessage(), containsString("orders.id"));
  }

  @Test
  void aRelationshipNeedsAsManyReferencedColumnsAsReferencing() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Relationship.from("lines", "a", "b").to("orders", "a"));
  }

  @Test
  void displayDataNamesTheRelationshipItsRuleAndSeverity(TestPipeline pipeline) {
    pipeline.enableAbandonedNodeEnforcement(false);
    DisplayData data =
        DisplayData.from(
            CheckRelationship.of(
                    Relationship.from("orders", "customer_id")
                        .toPublished("crm/customers", "customers", "customer_id"),
                    orders(pipeline, "A-1"))
                .withShards(8));

    List<String> items = new ArrayList<>();
    data.items().forEach(item -> items.add(item.getKey() + "=" + item.getValue()));
    assertThat(
        items,
        allOf(
            hasItem("relationship=orders.customer_id -> product crm/customers customers.customer_id"),
            hasItem("rule=orders.customer_id.relationship"),
            hasItem("severity=ERROR"),
            hasItem("shards=8")));
  }
}
