package org.datamesh.pipelines.crm;

import java.time.LocalDate;
import java.util.Comparator;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/** One customer's profile and histories, joined, as a row of {@code customer_360}. */
final class Customer360RowFn extends DoFn<KV<String, CoGbkResult>, Row> {

  /**
   * The profile kept when a key has several (a published product has one per key, but a join
   * must not depend on arrival order): the latest {@code updated_at}, then the greatest text.
   */
  private static final Comparator<Row> LATEST_PROFILE =
      Comparator.<Row, Long>comparing(
              row -> {
                Object at =
                    row.getSchema().hasField("updated_at") ? row.getValue("updated_at") : null;
                return at == null ? Long.MIN_VALUE : DataTypes.epochMicros(at);
              })
          .thenComparing((Row row) -> row.toString());

  private final Schema schema;

  Customer360RowFn(Schema schema) {
    this.schema = schema;
  }

  @ProcessElement
  public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<Row> out) {
    CoGbkResult result = joined.getValue();
    Row profile = latest(result.getAll(BuildCustomer360.PROFILES));
    if (profile == null) {
      return; // orders or interactions of a customer crm/customers does not publish
    }
    OrderHistory orders = result.getOnly(BuildCustomer360.ORDERS, new OrderHistory());
    InteractionHistory interactions =
        result.getOnly(BuildCustomer360.INTERACTIONS, new InteractionHistory());
    out.output(
        Row.withSchema(schema)
            .withFieldValue("customer_id", joined.getKey())
            .withFieldValue("country", profile.getString("country"))
            .withFieldValue("city", profile.getString("city"))
            .withFieldValue(
                "signup_date", profile.getLogicalTypeValue("signup_date", LocalDate.class))
            .withFieldValue("email", profile.getString("email"))
            .withFieldValue("orders_count", orders.count())
            .withFieldValue("lifetime_value", orders.value())
            .withFieldValue("avg_order_value", orders.averageValue())
            .withFieldValue("first_order_ts", orders.first())
            .withFieldValue("last_order_ts", orders.last())
            .withFieldValue("interactions_count", interactions.interactions())
            .withFieldValue("feedback_count", interactions.feedback())
            .withFieldValue("avg_rating", interactions.averageRating())
            .withFieldValue("preferred_channel", orders.preferredChannel())
            .build());
  }

  private static @Nullable Row latest(Iterable<Row> profiles) {
    Row latest = null;
    for (Row profile : profiles) {
      if (latest == null || LATEST_PROFILE.compare(profile, latest) > 0) {
        latest = profile;
      }
    }
    return latest;
  }
}
