package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile} then {@code run} with the suggested contract on the same data: every record is
 * published, none quarantined, for CSV and for JSON lines; and the suggested rules are real: a
 * record breaking one is quarantined.
 */
class ProfileRoundTripTest {

  private static final int RECORDS = 60;

  @TempDir Path dir;

  private Path write(String name, List<String> lines) throws Exception {
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  private DataContract profile(Path input, String format) throws Exception {
    Path contract = dir.resolve("contract.yaml");
    CliOutcome outcome =
        CliOutcome.run(
            "profile",
            "--input=" + input,
            "--inputFormat=" + format,
            "--output=" + contract,
            "--name=orders",
            "--domain=sales",
            "--runner=DirectRunner");
    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(outcome.out(), containsString("Profiled " + RECORDS + " records"));
    assertThat(ContractLoader.checkOdcs(contract), is(empty()));
    return ContractLoader.load(contract);
  }

  private Manifest.Counts run(Path input, String format) throws Exception {
    Path output = dir.resolve("mesh");
    CliOutcome outcome =
        CliOutcome.run(
            "run",
            "--contract=" + dir.resolve("contract.yaml"),
            "--input=" + input,
            "--inputFormat=" + format,
            "--output=" + output,
            "--runner=DirectRunner");
    assertThat(outcome.err() + outcome.out(), outcome.status(), is(ExitCode.OK));
    return Manifest.read(output.resolve("sales").resolve("orders")).counts();
  }

  private static ContractField field(DataContract contract, String name) {
    return contract.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void csvProfiledThenRunPublishesEveryRecord() throws Exception {
    Path input = write("orders.csv", ProfiledData.csv(ProfiledData.orders(RECORDS)));
    DataContract contract = profile(input, "csv");

    assertThat(field(contract, "id").logicalType().name(), equalTo("INTEGER"));
    assertThat(field(contract, "amount").physicalType(), equalTo("decimal(18,2)"));
    assertThat(field(contract, "email").format(), equalTo("email"));
    assertThat(field(contract, "ref").format(), equalTo("uuid"));
    assertThat(field(contract, "eu_day").format(), equalTo("dd.MM.yyyy"));
    assertThat(field(contract, "at").logicalType().name(), equalTo("TIMESTAMP"));
    assertThat(field(contract, "zip").logicalType().name(), equalTo("STRING"));
    assertThat(field(contract, "id").required(), is(true));
    assertThat(field(contract, "balance").required(), is(false));
    assertThat(field(contract, "note").required(), is(false));

    assertThat(run(input, "csv"), equalTo(new Manifest.Counts(RECORDS, RECORDS, 0, 0)));
  }

  @Test
  void jsonLinesProfiledThenRunPublishesEveryRecord() throws Exception {
    Path input = write("orders.jsonl", ProfiledData.jsonLines(ProfiledData.orders(RECORDS)));
    DataContract contract = profile(input, "jsonl");

    assertThat(field(contract, "amount").physicalType(), equalTo("decimal(18,2)"));
    assertThat(field(contract, "active").logicalType().name(), equalTo("BOOLEAN"));
    assertThat(field(contract, "address").logicalType().name(), equalTo("OBJECT"));
    assertThat(field(contract, "tags").logicalType().name(), equalTo("ARRAY"));
    assertThat(field(contract, "note").required(), is(false));

    assertThat(run(input, "jsonl"), equalTo(new Manifest.Counts(RECORDS, RECORDS, 0, 0)));
  }

  private static String changed(String line, int id, int column, String value) {
    String[] fields = line.split(",", -1);
    fields[0] = String.valueOf(id);
    fields[column] = value;
    return String.join(",", fields);
  }

  @Test
  void recordsBreakingTheSuggestedRulesAreQuarantined() throws Exception {
    List<String> lines = ProfiledData.csv(ProfiledData.orders(RECORDS));
    profile(write("orders.csv", lines), "csv");

    List<String> next = new ArrayList<>(lines);
    // Fresh ids, each record breaking one suggested rule: a status outside the enumeration, no
    // e-mail (required), an amount of three decimals (decimal(18,2)), a ref that is no UUID.
    next.add(changed(lines.get(1), 1001, 9, "lost"));
    next.add(changed(lines.get(1), 1002, 2, ""));
    next.add(changed(lines.get(1), 1003, 3, "12.345"));
    next.add(changed(lines.get(1), 1004, 1, "not-a-uuid"));
    Path input = write("orders-next.csv", next);

    assertThat(run(input, "csv"), equalTo(new Manifest.Counts(RECORDS + 4, RECORDS, 4, 0)));
  }
}
