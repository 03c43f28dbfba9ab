package org.datamesh.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.TextFormat;
import org.datamesh.core.failure.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What each checked text format accepts, and how a contract's {@code format} becomes a rule. */
class FormatCheckTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "email | jane.doe@example.com | true",
        "email | j+tag@mail.example.co.uk | true",
        "email | not-an-email | false",
        "email | jane@localhost | false",
        "email | jane@@example.com | false",
        "email | jane@-example.com | false",
        "email | ' jane@example.com' | false",
        "uri | https://example.com/a?b=c | true",
        "uri | urn:isbn:0451450523 | true",
        "uri | /relative/path | false",
        "uri | http://exa mple.com | false",
        "uuid | 53581432-6c55-4ba2-a65f-72344a91553a | true",
        "uuid | 53581432-6C55-4BA2-A65F-72344A91553A | true",
        "uuid | 53581432-6c55-4ba2-a65f-72344a91553 | false",
        "uuid | 53581432x6c55-4ba2-a65f-72344a91553a | false",
        "hostname | db-1.eu-west.example.com | true",
        "hostname | localhost | true",
        "hostname | -db.example.com | false",
        "hostname | db_1.example.com | false",
        "ipv4 | 192.168.0.1 | true",
        "ipv4 | 255.255.255.255 | true",
        "ipv4 | 256.1.1.1 | false",
        "ipv4 | 01.2.3.4 | false",
        "ipv4 | 1.2.3 | false",
        "ipv6 | 2001:db8::8a2e:370:7334 | true",
        "ipv6 | ::1 | true",
        "ipv6 | :: | true",
        "ipv6 | 1:2:3:4:5:6:7:8 | true",
        "ipv6 | ::ffff:192.0.2.128 | true",
        "ipv6 | 1:2:3:4:5:6:192.0.2.128 | true",
        "ipv6 | 1:2:3:4:5:6:7 | false",
        "ipv6 | 1::2::3 | false",
        "ipv6 | 12345::1 | false",
        "ipv6 | 1:2:3:4:5:6:7:8:9 | false",
        "ipv6 | 192.0.2.128::1 | false",
      })
  void acceptsWhatItsStandardAllows(String format, String text, boolean valid) {
    assertThat(new FormatCheck(TextFormat.of(format)).matches(text), is(valid));
  }

  @Test
  void aContractsFormatIsARuleWithAReasonThatNeverQuotesTheValue() throws Exception {
    DataContract contract =
        ContractLoader.parse(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: c-f
            version: 1.0.0
            status: active
            domain: crm
            name: customers
            schema:
              - name: customers
                properties:
                  - name: email
                    logicalType: string
                    logicalTypeOptions: {format: email}
                  - name: nickname
                    logicalType: string
                    logicalTypeOptions: {format: handle}
            """,
            "customers");

    RuleSet rules = ContractRules.from(contract);

    assertThat(rules.rules().stream().map(Rule::id).toList(), contains("email.format"));
    assertThat(
        contract.notices().stream().map(ContractProblem::path).toList(),
        contains("schema[0].properties[1].logicalTypeOptions.format"));
    Schema schema = Schema.builder().addNullableStringField("email").addNullableStringField("nickname").build();
    Rule email = rules.rules().get(0);
    Violation violation = email.evaluate(Row.withSchema(schema).addValues("jane.doe(at)example.com", "x").build());
    assertThat(violation.reason(), equalTo("email must be an e-mail address"));
    assertThat(email.evaluate(Row.withSchema(schema).addValues("jane@example.com", "x").build()), nullValue());
    assertThat(email.evaluate(Row.withSchema(schema).addValues(null, "x").build()), nullValue());
  }

  @Test
  void onlyTheKnownFormatsAreChecked() {
    assertThat(TextFormat.of("EMAIL"), equalTo(TextFormat.EMAIL));
    assertThat(TextFormat.of("e-mail"), nullValue());
    assertThat(
        List.of(TextFormat.values()).stream().map(TextFormat::odcsName).toList(),
        contains("email", "uri", "uuid", "hostname", "ipv4", "ipv6", "iso3166-alpha2", "iso4217"));
  }
}
