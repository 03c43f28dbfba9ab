package org.datamesh.pipelines.crm;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.junit.jupiter.api.Test;

/** The crm consumer contracts: valid ODCS, and the published schemas the mesh design agreed. */
class CrmContractsTest {

  @Test
  void bothContractsAreValidOdcs() {
    assertThat(ContractLoader.checkOdcs(Customer360.contractText()), empty());
    assertThat(ContractLoader.checkOdcs(CustomerSegments.contractText()), empty());
  }

  @Test
  void nothingIsLeftUnenforcedAndTheInputsAreNamed() {
    for (DataContract contract :
        List.of(Customer360.create().contract(), CustomerSegments.create().contract())) {
      assertThat(contract.notices(), empty());
    }
    assertThat(
        Customer360.create().contract().builtFrom(),
        contains("crm/customers", "sales/orders", "digital/interactions"));
    assertThat(CustomerSegments.create().contract().builtFrom(), contains("sales/orders"));
  }

  @Test
  void customer360PublishesTheAgreedColumns() throws Exception {
    DataContract contract = ContractLoader.parse(Customer360.contractText(), "customer-360");
    assertThat(contract.product().id(), equalTo(Customer360.create().contract().product().id()));
    assertThat(contract.domain(), equalTo("crm"));
    assertThat(contract.productName(), equalTo("customer-360"));
    assertThat(contract.primaryKey(), contains("customer_id"));
    assertThat(
        columns(contract.publishedSchema()),
        equalTo(
            List.of(
                "customer_id STRING NOT NULL", "country STRING NOT NULL", "city STRING",
                "signup_date DATE NOT NULL", "email STRING", "orders_count INT64 NOT NULL",
                "lifetime_value DECIMAL(18,4) NOT NULL", "avg_order_value DECIMAL(18,4)",
                "first_order_ts TIMESTAMP", "last_order_ts TIMESTAMP",
                "interactions_count INT64 NOT NULL", "feedback_count INT64 NOT NULL",
                "avg_rating DOUBLE", "preferred_channel STRING")));
  }

  @Test
  void segmentsPublishesTheAgreedColumns() throws Exception {
    DataContract contract = ContractLoader.parse(CustomerSegments.contractText(), "segments");
    assertThat(contract.domain(), equalTo("crm"));
    assertThat(contract.productName(), equalTo("customer-segments"));
    assertThat(contract.primaryKey(), contains("customer_id"));
    assertThat(
        columns(contract.publishedSchema()),
        equalTo(
            List.of(
                "customer_id STRING NOT NULL", "recency_days INT32 NOT NULL",
                "frequency INT64 NOT NULL", "monetary DECIMAL(18,4) NOT NULL",
                "r_score INT32 NOT NULL", "f_score INT32 NOT NULL", "m_score INT32 NOT NULL",
                "rfm STRING NOT NULL", "segment STRING NOT NULL")));
  }

  /** Each column as {@code name TYPE [NOT NULL]}, logical types by their SQL name. */
  private static List<String> columns(Schema schema) {
    return schema.getFields().stream()
        .map(f -> f.getName() + " " + type(f.getType()) + (f.getType().getNullable() ? "" : " NOT NULL"))
        .toList();
  }

  private static String type(Schema.FieldType type) {
    if (org.datamesh.core.DataTypes.isFixedDecimal(type)) {
      return "DECIMAL(" + org.datamesh.core.DataTypes.precision(type) + ","
          + org.datamesh.core.DataTypes.scale(type) + ")";
    }
    if (org.datamesh.core.DataTypes.isDate(type)) {
      return "DATE";
    }
    if (org.datamesh.core.DataTypes.isMicrosTimestamp(type)) {
      return "TIMESTAMP";
    }
    return type.getTypeName().name();
  }
}
