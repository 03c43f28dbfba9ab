package org.datamesh.pipelines.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.rules.ContractRules;
import org.datamesh.rules.RuleSet;

/**
 * Rows of the source products as published (the schemas of the mesh design: required columns not
 * nullable, protected columns as their token text), and a check of rows against a contract.
 */
final class CrmRows {

  static final Schema CUSTOMERS =
      Schema.builder()
          .addStringField("customer_id")
          .addStringField("full_name")
          .addNullableField("email", FieldType.STRING)
          .addNullableField("phone", FieldType.STRING)
          .addStringField("country")
          .addNullableField("city", FieldType.STRING)
          .addNullableField("birth_date", DataTypes.date())
          .addField("signup_date", DataTypes.date())
          .addNullableField("updated_at", DataTypes.timestamp())
          .build();

  static final Schema ORDERS =
      Schema.builder()
          .addStringField("order_id")
          .addStringField("customer_id")
          .addField("order_ts", DataTypes.timestamp())
          .addNullableField("updated_at", DataTypes.timestamp())
          .addStringField("status")
          .addStringField("channel")
          .addStringField("currency")
          .addField("amount", DataTypes.decimal(18, 4))
          .build();

  static final Schema DEVICE =
      Schema.builder()
          .addNullableField("os", FieldType.STRING)
          .addNullableField("app_version", FieldType.STRING)
          .build();

  static final Schema FEEDBACK =
      Schema.builder()
          .addNullableField("rating", FieldType.INT32)
          .addNullableField("comment", FieldType.STRING)
          .build();

  static final Schema INTERACTIONS =
      Schema.builder()
          .addStringField("event_id")
          .addStringField("customer_id")
          .addField("event_ts", DataTypes.timestamp())
          .addStringField("channel")
          .addStringField("event_type")
          .addNullableField("product_id", FieldType.STRING)
          .addNullableField("device", FieldType.row(DEVICE))
          .addNullableField("feedback", FieldType.row(FEEDBACK))
          .build();

  private CrmRows() {}

  static Row customer(
      String id, String country, @Nullable String city, String signup, @Nullable String email) {
    return Row.withSchema(CUSTOMERS)
        .addValues(
            id, "tok-name-" + id, email, null, country, city, LocalDate.parse("1990-01-01"),
            LocalDate.parse(signup), ts("2026-06-01T00:00:00Z"))
        .build();
  }

  static Row order(
      String id, String customer, String orderTs, String status, String channel, String amount) {
    return Row.withSchema(ORDERS)
        .addValues(
            id, customer, ts(orderTs), ts(orderTs), status, channel, "EUR", new BigDecimal(amount))
        .build();
  }

  static Row event(String id, String customer, String type, @Nullable Integer rating) {
    Row feedback =
        "feedback".equals(type) && rating != null
            ? Row.withSchema(FEEDBACK).addValues(rating, "ok").build()
            : null;
    return Row.withSchema(INTERACTIONS)
        .addValues(
            id, customer, ts("2026-06-01T12:00:00Z"), "web", type, null,
            Row.withSchema(DEVICE).addValues("ios", "1.0").build(), feedback)
        .build();
  }

  static Instant ts(String iso) {
    return Instant.parse(iso);
  }

  static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  /** Every rule of {@code table} that a row breaks, as {@code row-key: rule}; empty when none. */
  static List<String> violations(ContractTable table, Iterable<Row> rows) {
    RuleSet rules = ContractRules.from(table);
    List<String> broken = new ArrayList<>();
    for (Row row : rows) {
      if (!row.getSchema().equals(table.publishedSchema())) {
        broken.add(row + ": schema " + row.getSchema());
      }
      rules.evaluate(row).forEach(v -> broken.add(row.getString("customer_id") + ": " + v.ruleId()));
    }
    return broken;
  }
}
