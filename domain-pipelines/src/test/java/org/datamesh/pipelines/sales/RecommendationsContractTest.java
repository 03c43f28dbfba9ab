package org.datamesh.pipelines.sales;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.pipelines.mesh.ProductInput;
import org.junit.jupiter.api.Test;

/** The recommendations contract: valid ODCS, and the tables the transform writes. */
class RecommendationsContractTest {

  private final DataContract contract = Recommendations.create().contract();

  @Test
  void isValidOdcsAndNamesItsProduct() throws Exception {
    assertThat(ContractLoader.checkOdcs(Recommendations.contractText()), is(empty()));
    DataContract parsed =
        ContractLoader.parse(Recommendations.contractText(), Recommendations.CONTRACT_RESOURCE);
    assertThat(parsed.product().domain(), equalTo("sales"));
    assertThat(parsed.product().name(), equalTo("recommendations"));
    assertThat(parsed.product().version(), equalTo("1.0.0"));
    assertThat(
        parsed.tables().stream().map(ContractTable::name).toList(),
        contains("recommendations", "backtest", "accuracy"));
    assertThat(parsed.notices(), empty());
    assertThat(parsed.builtFrom(), contains("sales/orders"));
  }

  @Test
  void theTransformDisplaysItsMethodAndSettings() {
    DisplayData data = DisplayData.from(Recommendations.create().withMaxBasket(20).transform());
    assertThat(
        data.items().stream().map(i -> i.getKey() + "=" + i.getValue()).toList(),
        hasItems(
            "method=item-to-item cosine of co-purchases",
            "scope=CUSTOMER",
            "baseline=most distinct customers",
            "top=10",
            "neighbours=50",
            "maxBasket=20"));
  }

  @Test
  void readsTheTwoOrdersTables() {
    assertThat(
        Recommendations.create().inputs().stream().map(ProductInput::tag).toList(),
        contains("sales/orders/orders", "sales/orders/order_lines"));
  }

  @Test
  void recommendationsAreKeyedByCustomerAndRank() {
    ContractTable table = contract.table("recommendations");
    assertThat(table.primaryKey(), contains("customer_id", "rank"));
    assertThat(
        describe(table.publishedSchema()),
        contains(
            "customer_id STRING required",
            "rank INT32 required",
            "product_id STRING required",
            "score DOUBLE required"));
  }

  @Test
  void backtestHoldsBothListsAsArraysOfStrings() {
    ContractTable table = contract.table("backtest");
    assertThat(table.primaryKey(), contains("customer_id", "held_out_product_id"));
    Schema schema = table.publishedSchema();
    assertThat(
        describe(schema),
        contains(
            "customer_id STRING required",
            "held_out_product_id STRING required",
            "model_top10 ARRAY required",
            "popular_top10 ARRAY required"));
    FieldType items = schema.getField("model_top10").getType().getCollectionElementType();
    assertThat(items.getTypeName(), equalTo(Schema.TypeName.STRING));
  }

  @Test
  void accuracyIsOneRowOfRatesAndCustomers() {
    assertThat(
        describe(contract.table("accuracy").publishedSchema()),
        contains(
            "model_hit_rate DOUBLE required",
            "popular_hit_rate DOUBLE required",
            "customers INT64 required"));
  }

  private static List<String> describe(Schema schema) {
    return schema.getFields().stream()
        .map(
            f ->
                f.getName() + " " + f.getType().getTypeName()
                    + (f.getType().getNullable() ? " nullable" : " required"))
        .toList();
  }
}
