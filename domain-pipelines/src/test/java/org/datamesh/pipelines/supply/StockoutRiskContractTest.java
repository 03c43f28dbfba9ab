package org.datamesh.pipelines.supply;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.contract.ContractInspection;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.product.DataProduct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock-out risk's contract: valid ODCS, and the table the transform writes. */
class StockoutRiskContractTest {

  @TempDir Path dir;

  @Test
  void isValidOdcsWithOnlyTheBuiltFromNotice() throws Exception {
    String yaml;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(StockoutRisk.CONTRACT_RESOURCE)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(ContractLoader.checkOdcs(yaml), is(empty()));
    ContractInspection inspection =
        ContractLoader.inspect(Files.writeString(dir.resolve("c.odcs.yaml"), yaml));
    assertThat(inspection.refusals(), is(empty()));
    assertThat(
        inspection.notices().stream().map(ContractProblem::path).toList(),
        empty());
    DataContract contract = ContractLoader.parse(yaml, "supply-stockout-risk.odcs.yaml");
    assertThat(contract.product(), equalTo(DataProduct.of("supply", "stockout-risk", "1.0.0")));
  }

  @Test
  void declaresTheRiskTable() {
    Schema schema = StockoutRisk.create().contract().table("stockout_risk").publishedSchema();
    assertThat(
        schema.getFieldNames(),
        contains(
            "warehouse_id",
            "product_id",
            "region",
            "on_hand",
            "daily_demand",
            "inbound",
            "lane_delay_days",
            "severe_weather_days",
            "days_of_cover",
            "risk"));
    assertThat(
        schema.getFields().stream().map(f -> f.getType().getTypeName().toString()).toList(),
        contains(
            "STRING", "STRING", "STRING", "INT32", "DOUBLE", "INT32", "DOUBLE", "INT32", "DOUBLE",
            "STRING"));
    assertThat(
        schema.getFields().stream().map(f -> f.getType().getNullable()).toList(),
        everyItem(is(false)));
    assertThat(
        StockoutRisk.create().contract().table("stockout_risk").primaryKey(),
        contains("warehouse_id", "product_id"));
    assertThat(schema.getField("risk").getType(), equalTo(FieldType.STRING));
  }

  @Test
  void showsItsHorizonInDisplayData() {
    DisplayData data = DisplayData.from(StockoutRisk.create().transform());
    assertThat(
        data.items().stream().map(i -> i.getKey() + "=" + i.getValue()).sorted().toList(),
        contains("horizonDays=7", "maxCover=999.0"));
  }
}
