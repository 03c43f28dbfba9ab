package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;
import org.datamesh.core.standardize.FieldStandardizer;
import org.junit.jupiter.api.Test;

class ContractStandardizationTest {

  private static String contract(String amountStandardize, String codeStandardize) {
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: c-1
        version: 2.0.0
        status: active
        domain: shop
        name: payments
        schema:
          - name: payments
            properties:
              - name: amount
                logicalType: number
                physicalType: decimal(12,2)
                required: true
                customProperties:
                  - property: standardize
                    value: %s
              - name: code
                logicalType: string
                customProperties:
                  - property: standardize
                    value: %s
              - name: paid_at
                logicalType: timestamp
              - name: units
                logicalType: integer
        """
        .formatted(amountStandardize, codeStandardize);
  }

  @Test
  void rawColumnsAreNullableTextForTimesAndOpenDecimalsForCurrencyAmounts() throws Exception {
    DataContract contract = ContractLoader.parse(contract("currency(code)", "trim, upper"), "p");
    Schema raw = ContractStandardization.rawSchema(contract);
    assertThat(raw.getField("amount").getType(), is(FieldType.DECIMAL.withNullable(true)));
    assertThat(raw.getField("code").getType(), is(FieldType.STRING.withNullable(true)));
    assertThat(raw.getField("paid_at").getType(), is(FieldType.STRING.withNullable(true)));
    assertThat(raw.getField("units").getType(), is(FieldType.INT64.withNullable(true)));
    assertThat(contract.notices().isEmpty(), is(true));
  }

  @Test
  void eachColumnInOrderThenAmountsStoredAsTheContractsDecimal() throws Exception {
    DataContract contract = ContractLoader.parse(contract("currency(code)", "trim, upper"), "p");
    var step = ContractStandardization.step(contract);
    assertThat(
        step.standardizers().stream().map(FieldStandardizer::describe).toList(),
        contains(
            "code: trimmed",
            "code: trimmed, upper case",
            "paid_at: timestamp to UTC (zone-less values in UTC)",
            "amount: rounded half-even to the minor unit of code, stored as DECIMAL(12,2)"));
    Schema out = step.outputSchema(ContractStandardization.rawSchema(contract));
    assertThat(out.getField("amount").getType(), is(DataTypes.decimal(12, 2).withNullable(true)));
  }

  @Test
  void aContractWithoutStandardizationOrTimesHasNoStep() throws Exception {
    String plain =
        contract("currency(code)", "trim")
            .replace("""
                customProperties:
                  - property: standardize
                    value: currency(code)
        """.stripIndent(), "")
            .replace("logicalType: timestamp", "logicalType: date");
    DataContract contract = ContractLoader.parse(plain.replace("value: trim", "value: lower"), "p");
    assertThat(ContractStandardization.step(contract).standardizers().size(), is(1));
  }

  @Test
  void badDirectivesAreReportedWithTheirPaths() throws Exception {
    DataContract contract = ContractLoader.parse(contract("currency(nowhere)", "trim, shout"), "p");
    ContractException e =
        assertThrows(ContractException.class, () -> ContractStandardization.step(contract));
    assertThat(
        e.problems().stream().map(ContractProblem::toString).toList(),
        contains(
            "schema[0].properties[0].customProperties.standardize: currency(...) must name a string column of the same table",
            "schema[0].properties[1].customProperties.standardize: unknown standardization; use trim,"
                + " upper, lower, title, collapse, nfc, strip_control, null_tokens[(a|b|...)], email,"
                + " phone[(region)], country, currency, currency(<column>), boolean, unit(<unit>),"
                + " formats(<pattern>|...)"));
  }

  @Test
  void upperOnANumberIsRefused() throws Exception {
    DataContract contract = ContractLoader.parse(contract("upper", "trim"), "p");
    ContractException e =
        assertThrows(ContractException.class, () -> ContractStandardization.rawSchema(contract));
    assertThat(
        e.problems().get(0).message(),
        is("upper applies to text: string, date and timestamp columns, and columns read with"
            + " boolean or unit(...)"));
    assertThat(e.problems().size(), is(1));
    assertThat(e.problems().get(0).line(), is(0));
    assertThat(contract.latestBy(), nullValue());
  }
}
