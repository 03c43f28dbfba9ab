package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.util.SerializableUtils;
import org.datamesh.core.DataTypes;
import org.datamesh.core.product.DataProduct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractLoaderTest {

  private static final String ORDERS = SalesOrdersContract.YAML;

  // ---- a complete contract, mapped value by value ----

  @Test
  void loadsTheContractsIdentity() throws Exception {
    DataContract contract = load(ORDERS);

    assertThat(contract.id(), equalTo("urn:datacontract:sales:orders"));
    assertThat(contract.version(), equalTo("1.0.0"));
    assertThat(contract.apiVersion(), equalTo("v3.1.0"));
    assertThat(contract.status(), equalTo("active"));
    assertThat(contract.domain(), equalTo("sales"));
    assertThat(contract.productName(), equalTo("orders"));
    assertThat(contract.product(), equalTo(DataProduct.of("sales", "orders", "1.0.0")));
    assertThat(contract.owner(), equalTo("sales-data"));
    assertThat(
        contract.description(),
        equalTo(
            "Every confirmed sales order, one row per order.\n\n"
                + "Revenue reporting and demand forecasting."));
    assertThat(contract.objectName(), equalTo("orders"));
  }

  @Test
  void mapsEveryPropertyInDeclaredOrder() throws Exception {
    DataContract contract = load(ORDERS);

    assertThat(
        contract.fields().stream().map(ContractField::name).toList(),
        contains(
            "order_id", "amount", "currency", "order_ts", "order_date", "quantity",
            "customer_email"));

    ContractField orderId = contract.field("order_id");
    assertThat(orderId.logicalType(), is(LogicalType.STRING));
    assertThat(orderId.physicalType(), equalTo("varchar(20)"));
    assertThat(orderId.beamType(), equalTo(FieldType.STRING));
    assertThat(orderId.description(), equalTo("The order's identifier."));
    assertThat(orderId.required(), is(true));
    assertThat(orderId.unique(), is(true));
    assertThat(orderId.primaryKey(), is(true));
    assertThat(orderId.primaryKeyPosition(), is(1));
    assertThat(orderId.partitioned(), is(false));
    assertThat(orderId.partitionKeyPosition(), is(-1));
    assertThat(orderId.classification(), equalTo("internal"));
    assertThat(orderId.pattern(), equalTo("^ORD-[0-9]{8}$"));
    assertThat(orderId.minLength(), is(12));
    assertThat(orderId.maxLength(), is(12));
    assertThat(orderId.minimum(), nullValue());
    assertThat(orderId.format(), nullValue());
    assertThat(orderId.customProperties(), equalTo(Map.of()));

    ContractField amount = contract.field("amount");
    assertThat(amount.logicalType(), is(LogicalType.NUMBER));
    assertThat(amount.beamType(), equalTo(DataTypes.decimal(18, 4)));
    assertThat(amount.minimum(), equalTo(new BigDecimal("0")));
    assertThat(amount.exclusiveMaximum(), equalTo(new BigDecimal("1000000.5")));
    assertThat(amount.maximum(), nullValue());
    assertThat(amount.exclusiveMinimum(), nullValue());

    assertThat(contract.field("currency").beamType(), equalTo(FieldType.STRING));
    assertThat(contract.field("order_ts").beamType(), equalTo(DataTypes.timestamp()));
    assertThat(contract.field("order_ts").logicalType(), is(LogicalType.TIMESTAMP));

    ContractField orderDate = contract.field("order_date");
    assertThat(orderDate.beamType(), equalTo(DataTypes.date()));
    assertThat(orderDate.physicalType(), nullValue());
    assertThat(orderDate.partitioned(), is(true));
    assertThat(orderDate.partitionKeyPosition(), is(1));

    ContractField quantity = contract.field("quantity");
    assertThat(quantity.beamType(), equalTo(FieldType.INT32));
    assertThat(quantity.minimum(), equalTo(new BigDecimal("1")));
    assertThat(quantity.maximum(), equalTo(new BigDecimal("1000")));

    // No logicalType: inferred from the obvious SQL physical type.
    ContractField email = contract.field("customer_email");
    assertThat(email.logicalType(), is(LogicalType.STRING));
    assertThat(email.classification(), equalTo("restricted"));
    assertThat(email.customProperties(), equalTo(Map.of("pii", "true")));

    assertThat(contract.primaryKey(), contains("order_id"));
    assertThat(contract.partitionKeys(), contains("order_date"));
  }

  @Test
  void publishesNullableColumnsUnlessRequired() throws Exception {
    Schema expected =
        Schema.builder()
            .addField(
                Schema.Field.of("order_id", FieldType.STRING)
                    .withDescription("The order's identifier."))
            .addField("amount", DataTypes.decimal(18, 4))
            .addField("currency", FieldType.STRING)
            .addField("order_ts", DataTypes.timestamp())
            .addNullableField("order_date", DataTypes.date())
            .addNullableField("quantity", FieldType.INT32)
            .addNullableField("customer_email", FieldType.STRING)
            .build();

    assertThat(load(ORDERS).publishedSchema(), equalTo(expected));
  }

  @Test
  void keepsQualityRulesOfPropertiesAndOfTheObject() throws Exception {
    DataContract contract = load(ORDERS);

    assertThat(
        contract.field("order_id").quality(),
        contains(
            new QualityRule(
                "schema[0].properties[0].quality[0]", "order_id", "library", null, "nullValues",
                null, "error", null, Map.of(), Map.of("mustBe", new BigDecimal("0")), null, null),
            new QualityRule(
                "schema[0].properties[0].quality[1]", "order_id", "library", null,
                "duplicateValues", null, null, null, Map.of(),
                Map.of("mustBe", new BigDecimal("0")), null, "uniqueness")));
    QualityRule currency = contract.field("currency").quality().get(0);
    assertThat(currency.metric(), equalTo("invalidValues"));
    assertThat(currency.arguments(), equalTo(Map.of("validValues", List.of("EUR", "USD", "GBP"))));
    assertThat(currency.thresholds(), equalTo(Map.of("mustBeLessOrEqualTo", new BigDecimal("0.5"))));
    assertThat(currency.unit(), equalTo("percent"));
    assertThat(currency.severity(), equalTo("warning"));

    assertThat(
        contract.datasetQuality(),
        contains(
            new QualityRule(
                "schema[0].quality[0]", null, "library", "volume", "rowCount", null, "warning",
                null, Map.of(),
                Map.of(
                    "mustBeBetween.min", new BigDecimal("1"),
                    "mustBeBetween.max", new BigDecimal("5000000")),
                null, null)));
  }

  @Test
  void listsWhatIsLoadedButNotEnforcedAsNotices() throws Exception {
    assertThat(
        load(ORDERS).notices(),
        contains(
            new ContractProblem(
                "schema[0].properties[6].customProperties[0]",
                lineOf(ORDERS, "- property: pii"),
                "custom property pii: kept, not enforced yet")));

    String withExtras =
        ORDERS
            + """
            roles:
              - role: analysts
                access: read
            price:
              priceAmount: 1
              priceCurrency: EUR
              priceUnit: megabyte
            """;
    withExtras =
        withExtras
            .replace(
                "  - server: events\n",
                "  - server: archive\n    type: azure\n    location: az://archive/orders\n"
                    + "    format: parquet\n  - server: events\n")
            .replace(
                "  quality:\n      - name: volume",
                "  quality:\n      - type: custom\n        engine: soda\n"
                    + "        implementation: row_count > 0\n      - name: volume");
    assertThat(
        paths(load(withExtras).notices()),
        contains(
            "price",
            "schema[0].properties[6].customProperties[0]",
            "schema[0].quality[0]",
            "servers[2]"));
  }

  @Test
  void loadsFromAFile(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("sales-orders.odcs.yaml");
    Files.writeString(file, ORDERS);

    assertThat(ContractLoader.load(file), equalTo(load(ORDERS)));
  }

  @Test
  void loadsFromTheClassPathAndFromAUrl(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("contracts").resolve("sales-orders.odcs.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, ORDERS);
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader resources = new URLClassLoader(new URL[] {folder.toUri().toURL()}, before)) {
      Thread.currentThread().setContextClassLoader(resources);

      assertThat(ContractLoader.fromClasspath("contracts/sales-orders.odcs.yaml"), equalTo(load(ORDERS)));
      assertThat(ContractLoader.fromClasspath("/contracts/sales-orders.odcs.yaml"), equalTo(load(ORDERS)));
      ContractException missing =
          assertThrows(ContractException.class, () -> ContractLoader.fromClasspath("contracts/none.yaml"));
      assertThat(missing.getMessage(), containsString("classpath:contracts/none.yaml"));
      assertThat(missing.getMessage(), containsString("is not on the class path"));
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
    assertThat(ContractLoader.load(file.toUri().toURL()), equalTo(load(ORDERS)));
  }

  @Test
  void refusesAHugeResourceWithoutReadingItAll(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("huge.yaml");
    Files.write(file, new byte[SafeYamlReader.MAX_BYTES + 10]);

    ContractException e =
        assertThrows(ContractException.class, () -> ContractLoader.load(file.toUri().toURL()));
    assertThat(e.getMessage(), containsString("larger than"));
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    DataContract contract = load(ORDERS);

    DataContract copy = SerializableUtils.clone(contract);

    assertThat(copy, equalTo(contract));
    assertThat(copy.publishedSchema(), equalTo(contract.publishedSchema()));
    assertThat(copy.field("amount").beamType(), equalTo(DataTypes.decimal(18, 4)));
  }

  // ---- broken contracts: every problem, with its path and line ----

  private static DataContract load(String yaml) throws ContractException {
    return parse(yaml);
  }

  private static DataContract parse(String yaml) throws ContractException {
    return ContractLoader.parse(yaml, "test.odcs.yaml");
  }

  private static List<String> paths(List<ContractProblem> problems) {
    return problems.stream().map(ContractProblem::path).toList();
  }

  /** The 1-based line of the only line containing {@code snippet}. */
  static int lineOf(String yaml, String snippet) {
    List<String> lines = yaml.lines().toList();
    int found = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(snippet)) {
        if (found != 0) {
          throw new IllegalArgumentException(snippet + " is on more than one line");
        }
        found = i + 1;
      }
    }
    if (found == 0) {
      throw new IllegalArgumentException(snippet + " is on no line");
    }
    return found;
  }
}
