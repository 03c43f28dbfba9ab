package org.datamesh.pipelines.sales;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;
import org.datamesh.core.contract.ContractInspection;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.product.DataProduct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forecast's contract: valid ODCS, and the tables the transform writes. */
class OrderForecastContractTest {

  @TempDir Path dir;

  static String text(String resource) throws Exception {
    try (InputStream in =
        OrderForecastContractTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void isValidOdcsWithOnlyTheBuiltFromNotice() throws Exception {
    String yaml = text(OrderForecast.CONTRACT_RESOURCE);
    assertThat(ContractLoader.checkOdcs(yaml), is(empty()));
    ContractInspection inspection =
        ContractLoader.inspect(Files.writeString(dir.resolve("c.odcs.yaml"), yaml));
    assertThat(inspection.refusals(), is(empty()));
    assertThat(
        inspection.notices().stream().map(ContractProblem::path).toList(),
        empty());
    DataContract contract = ContractLoader.parse(yaml, "sales-order-forecast.odcs.yaml");
    assertThat(contract.product(), equalTo(DataProduct.of("sales", "order-forecast", "1.0.0")));
  }

  @Test
  void declaresTheThreeTables() {
    DataContract contract = OrderForecast.create().contract();
    assertThat(
        contract.tables().stream().map(t -> t.name()).toList(),
        contains("forecast", "backtest", "accuracy"));
    assertThat(
        contract.table("forecast").publishedSchema().getFields().stream()
            .map(f -> f.getName() + ":" + f.getType().withNullable(false))
            .toList(),
        equalTo(
            Schema.builder()
                .addStringField("product_id")
                .addField("day", DataTypes.date())
                .addDoubleField("forecast")
                .build()
                .getFields()
                .stream()
                .map(f -> f.getName() + ":" + f.getType())
                .toList()));
    assertThat(contract.table("backtest").primaryKey(), contains("product_id", "day"));
    assertThat(
        contract.table("backtest").publishedSchema().getFieldNames(),
        contains("product_id", "day", "actual", "forecast", "naive"));
    assertThat(
        contract.table("accuracy").publishedSchema().getFieldNames(),
        contains("product_id", "model_mape", "naive_mape"));
    assertThat(
        contract.table("accuracy").publishedSchema().getField("model_mape").getType(),
        equalTo(FieldType.DOUBLE));
  }

  @Test
  void showsItsHorizonAndModelInDisplayData() {
    DisplayData data = DisplayData.from(OrderForecast.create().transform());
    assertThat(
        data.items().stream().map(i -> i.getKey() + "=" + i.getValue()).sorted().toList(),
        contains(
            "horizonDays=7",
            "model=Holt-Winters, additive, weekly season",
            "product=" + OrderForecast.create().contract().product()));
  }
}
