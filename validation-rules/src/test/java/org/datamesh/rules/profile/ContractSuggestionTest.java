package org.datamesh.rules.profile;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.QualityRule;
import org.datamesh.core.parse.RawRecords;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.rules.contract.ContractProducts;
import org.junit.jupiter.api.Test;

/** Contracts suggested from profiles: valid ODCS, loadable, and only rules the data satisfies. */
class ContractSuggestionTest {

  private static final List<String> NAMES =
      List.of("id", "email", "amount", "balance", "status", "code", "note", "day");

  /** A profile of rows of text, as CSV gives them (null: an unquoted empty field). */
  static DatasetProfile profile(String[]... rows) {
    ProfileState state = new ProfileState(Profile.DEFAULT_DISTINCT_LIMIT);
    for (String[] row : rows) {
      List<RawRecords.Value> values = new ArrayList<>();
      for (String text : row) {
        values.add(text == null ? null : new RawRecords.Value(RawRecords.Kind.TEXT, text));
      }
      state.record(NAMES, values);
    }
    return new ProfileFn(Profile.DEFAULT_DISTINCT_LIMIT, Profile.DEFAULT_ENUMERATION_LIMIT)
        .extractOutput(state);
  }

  static DatasetProfile orders() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      rows.add(
          new String[] {
            String.valueOf(i),
            "user" + i + "@example.org",
            i + ".50",
            i % 2 == 0 ? "-" + i + ".125" : null,
            i % 3 == 0 ? "paid" : "new",
            "C-" + (100 + i),
            i == 4 ? " " : "note " + i,
            "2024-03-0" + i
          });
    }
    return profile(rows.toArray(String[][]::new));
  }

  private static ContractField field(DataContract contract, String name) {
    return contract.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void suggestsValidOdcsThatRunCanBuild() throws Exception {
    String yaml =
        ContractSuggestion.of(orders()).withName("orders").withDomain("sales").withTable("orders").yaml();
    assertThat(ContractLoader.checkOdcs(yaml), is(empty()));
    DataContract contract = ContractLoader.parse(yaml, "suggested.yaml");
    assertThat(contract.product().toString(), equalTo("DataProduct[domain=sales, name=orders, version=1.0.0]"));
    assertThat(ContractProducts.specs(contract, RecordFormat.Kind.CSV).size(), is(1));
  }

  @Test
  void suggestsTypesAndOnlyRulesTheDataSatisfies() throws Exception {
    DataContract contract =
        ContractLoader.parse(ContractSuggestion.of(orders()).withId("c1").yaml(), "suggested.yaml");
    ContractField id = field(contract, "id");
    assertThat(id.physicalType(), equalTo("bigint"));
    assertThat(id.required(), is(true));
    assertThat(id.unique(), is(true));
    assertThat(id.minimum(), equalTo(BigDecimal.ZERO));
    assertThat("an observed maximum is not suggested", id.maximum(), nullValue());
    assertThat(field(contract, "email").format(), equalTo("email"));
    ContractField amount = field(contract, "amount");
    assertThat(amount.physicalType(), equalTo("decimal(18,2)"));
    ContractField balance = field(contract, "balance");
    assertThat(balance.physicalType(), equalTo("decimal(19,3)"));
    assertThat(balance.required(), is(false));
    assertThat("negative numbers: no minimum", balance.minimum(), nullValue());
    ContractField status = field(contract, "status");
    QualityRule rule = status.quality().get(0);
    assertThat(rule.metric(), equalTo("invalidValues"));
    assertThat(rule.arguments().get("validValues"), equalTo(List.of("new", "paid")));
    ContractField code = field(contract, "code");
    assertThat(Arrays.asList(code.minLength(), code.maxLength()), contains(5, 5));
    assertThat("a blank value is missing to required", field(contract, "note").required(), is(false));
    assertThat("nine distinct notes are no enumeration", field(contract, "note").quality(), is(empty()));
    assertThat(field(contract, "day").logicalType().name(), equalTo("DATE"));
  }

  @Test
  void observedBoundsAreSuggestedOnlyWhenAsked() throws Exception {
    DataContract contract =
        ContractLoader.parse(
            ContractSuggestion.of(orders()).withObservedBounds().yaml(), "suggested.yaml");
    ContractField balance = field(contract, "balance");
    assertThat(balance.minimum(), equalTo(new BigDecimal("-8.125")));
    assertThat(balance.maximum(), equalTo(new BigDecimal("-2.125")));
    ContractField note = field(contract, "note");
    assertThat(Arrays.asList(note.minLength(), note.maxLength()), contains(1, 6));
  }

  @Test
  void aColumnWithoutValuesIsAnOptionalString() throws Exception {
    DatasetProfile profile =
        profile(new String[] {"1", null, null, null, null, null, null, null});
    DataContract contract = ContractLoader.parse(ContractSuggestion.of(profile).yaml(), "s.yaml");
    ContractField email = field(contract, "email");
    assertThat(email.logicalType().name(), equalTo("STRING"));
    assertThat(email.required(), is(false));
    assertThat(email.description(), equalTo("Profiled without any value: its type is a guess."));
  }
}
