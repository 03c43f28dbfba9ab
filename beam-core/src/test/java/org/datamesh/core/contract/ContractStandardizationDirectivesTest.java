package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;
import org.datamesh.core.standardize.FieldStandardizer;
import org.datamesh.core.standardize.StandardizationStep;
import org.junit.jupiter.api.Test;

/** The directives beyond trim and case: what they read, what they run, and what is refused. */
class ContractStandardizationDirectivesTest {

  /** A contract whose columns are {@code name: logicalType[ physicalType]: directives} lines. */
  static DataContract contract(String... columns) throws ContractException {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: c-1
            version: 1.0.0
            status: active
            domain: crm
            name: customers
            schema:
              - name: customers
                properties:
            """);
    for (String column : columns) {
      String[] parts = column.split(": ", 3);
      String[] type = parts[1].split(" ", 2);
      yaml.append("      - name: ").append(parts[0]).append('\n')
          .append("        logicalType: ").append(type[0]).append('\n');
      if (type.length > 1) {
        yaml.append("        physicalType: ").append(type[1]).append('\n');
      }
      if (parts.length > 2) {
        yaml.append("        customProperties:\n")
            .append("          - property: standardize\n")
            .append("            value: '").append(parts[2]).append("'\n");
      }
    }
    return ContractLoader.parse(yaml.toString(), "customers.yaml");
  }

  static final String[] COLUMNS = {
    "name: string: strip_control, nfc, collapse, title",
    "phone: string: null_tokens, phone(de)",
    "email: string: trim, null_tokens(N/A|none), email",
    "country: string: country",
    "currency: string: currency",
    "active: boolean: null_tokens, boolean",
    "weight: number decimal(12,3): unit(KG)",
    "height: number: unit(cm)",
    "born: date: formats(dd.MM.yyyy|EEE, d MMM yyyy)",
    "seen: timestamp: null_tokens(-), formats(dd/MM/yyyy HH:mm|yyyyMMddHHmmss)",
    "joined: date",
    "visits: integer",
  };

  @Test
  void eachDirectiveRunsInTheOrderListedColumnByColumn() throws Exception {
    StandardizationStep step = ContractStandardization.step(contract(COLUMNS));
    assertThat(
        step.standardizers().stream().map(FieldStandardizer::describe).toList(),
        contains(
            "name: control and zero-width characters removed",
            "name: Unicode NFC",
            "name: whitespace collapsed",
            "name: trimmed, title case",
            "phone: null tokens [-, n/a, null] and blank to null",
            "phone: phone number to E.164 (national in DE)",
            "email: trimmed",
            "email: null tokens [n/a, none] and blank to null",
            "email: e-mail trimmed, domain lower-cased",
            "country: country to ISO 3166-1 alpha-2",
            "currency: currency to ISO 4217",
            "active: null tokens [-, n/a, null] and blank to null",
            "active: boolean from [1, on, true, y, yes] / [0, false, n, no, off]",
            "weight: mass in kg, stored as DECIMAL(12,3)",
            "height: length in cm",
            "born: date from ISO-8601 or [dd.MM.yyyy, EEE, d MMM yyyy]",
            "seen: null tokens [-] and blank to null",
            "seen: timestamp to UTC (zone-less values in UTC)"));
  }

  @Test
  void columnsConvertedFromTextAreReadAsTextAndPublishedAsTheirType() throws Exception {
    DataContract contract = contract(COLUMNS);
    Schema raw = ContractStandardization.rawSchema(contract);
    for (String text : new String[] {"name", "active", "weight", "height", "born", "seen"}) {
      assertThat(text, raw.getField(text).getType(), is(FieldType.STRING.withNullable(true)));
    }
    assertThat(raw.getField("joined").getType(), is(DataTypes.date().withNullable(true)));
    assertThat(raw.getField("visits").getType(), is(FieldType.INT64.withNullable(true)));

    Schema out = ContractStandardization.step(contract).outputSchema(raw);
    assertThat(out.getField("active").getType(), is(FieldType.BOOLEAN.withNullable(true)));
    assertThat(out.getField("weight").getType(), is(DataTypes.decimal(12, 3).withNullable(true)));
    assertThat(out.getField("height").getType(), is(FieldType.DOUBLE.withNullable(true)));
    assertThat(out.getField("born").getType(), is(DataTypes.date().withNullable(true)));
    assertThat(out.getField("seen").getType(), is(DataTypes.timestamp().withNullable(true)));
  }

  @Test
  void directivesThatDoNotFitTheColumnAreProblemsWithTheirPaths() throws Exception {
    DataContract contract =
        contract(
            "a: integer: trim",
            "b: number: phone",
            "c: string: boolean",
            "d: boolean: boolean, trim",
            "e: number: unit(parsec)",
            "f: integer: unit(kg)",
            "g: string: formats(dd.MM.yyyy)",
            "h: date: formats(dd.MM.yyyy|{nope)",
            "i: string: phone(Atlantis)",
            "j: string: country(DE)",
            "k: number decimal(9,2): currency",
            "l: string: trim upper");
    ContractException e =
        assertThrows(ContractException.class, () -> ContractStandardization.step(contract));
    String at = "schema[0].properties[%d].customProperties.standardize: ";
    assertThat(
        e.problems().stream().map(ContractProblem::toString).toList(),
        contains(
            at.formatted(0) + "trim applies to text: string, date and timestamp columns, and"
                + " columns read with boolean or unit(...)",
            at.formatted(1) + "phone applies to string columns only",
            at.formatted(2) + "boolean applies to boolean columns only",
            at.formatted(3) + "boolean changes the column's type, so it must be the column's last"
                + " directive",
            at.formatted(4) + "unit(...) takes one unit: mg, g, kg, t, oz, lb, mm, cm, m, km, in,"
                + " ft, yd or mi",
            at.formatted(5) + "unit(...) needs a number column published as double or"
                + " decimal(p,s)",
            at.formatted(6) + "formats(...) applies to date and timestamp columns only",
            at.formatted(7) + "formats(...) holds a pattern java.time cannot read",
            at.formatted(8) + "phone(...) takes one region libphonenumber knows, such as"
                + " phone(DE)",
            at.formatted(9) + "country takes no argument",
            at.formatted(10) + "currency applies to string columns only (a code); an amount takes"
                + " currency(<column>)",
            at.formatted(11) + "not a directive (name or name(argument|...)); use trim, upper,"
                + " lower, title, collapse, nfc, strip_control, null_tokens[(a|b|...)], email,"
                + " phone[(region)], country, currency, currency(<column>), boolean,"
                + " unit(<unit>), formats(<pattern>|...)"));
  }
}
