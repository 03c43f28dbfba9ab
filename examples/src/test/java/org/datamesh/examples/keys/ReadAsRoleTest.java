package org.datamesh.examples.keys;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code read} of a protected product as the roles its contract declares. */
class ReadAsRoleTest {

  @TempDir Path dir;
  Path keyset;
  Path contract;
  String product;

  @BeforeEach
  void publish() throws Exception {
    keyset = dir.resolve("keyset.json");
    KeysetFiles.create(keyset);
    contract = ProtectedCustomers.writeContract(dir);
    CliOutcome run =
        CliOutcome.run(
            "run", "--contract=" + contract, "--input=" + ProtectedCustomers.writeInput(dir),
            "--output=" + dir.resolve("out"), "--keyset=" + keyset, "--runner=DirectRunner");
    assertThat(run.err(), run.status(), is(ExitCode.OK));
    product = dir.resolve("out/crm/customers").toString();
  }

  private CliOutcome read(String... options) {
    List<String> args = new ArrayList<>(List.of("read", "--product=" + product));
    args.addAll(List.of(options));
    return CliOutcome.run(args.toArray(new String[0]));
  }

  @Test
  void marketingReadsItsColumnsMaskedAndOnlyBerlinOnBothRunners() {
    for (String runner : List.of("DirectRunner", "FlinkRunner")) {
      CliOutcome outcome =
          read("--contract=" + contract, "--role=marketing", "--runner=" + runner);

      assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
      List<String> lines = outcome.outLines();
      assertThat(runner, lines, hasSize(2));
      assertThat(lines.get(0), equalTo("customer_id,phone,city,visits"));
      assertThat(lines.get(1), matchesPattern("tok:[0-9a-f]{8}:[A-Za-z0-9_-]{22},\\*+4567,Berlin,2"));
    }
  }

  @Test
  void supportReadsEmailsInClearWithTheKeysetAndNeverTheDroppedColumn() throws Exception {
    CliOutcome outcome =
        read("--contract=" + contract, "--role=support", "--keyset=" + keyset,
            "--format=jsonl", "--runner=DirectRunner");

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    List<String> emails = new ArrayList<>();
    for (String line : outcome.outLines()) {
      JsonNode row = new ObjectMapper().readTree(line);
      emails.add(row.get("email").asText());
      assertThat(row.has("ssn"), is(false));
      assertThat(row.get("customer_id").asText(), startsWith("tok:"));
    }
    assertThat(emails, containsInAnyOrder("ada.lovelace@example.com", "donald@example.com"));
  }

  @Test
  void withoutARoleTheRowsAreAsPublished() {
    CliOutcome outcome = read("--runner=DirectRunner", "--limit=0");

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(outcome.outLines(), hasSize(3));
    assertThat(outcome.outLines().subList(1, 3), everyItem(allOf(containsString("enc:"), not(containsString("@")))));
  }

  @Test
  void mistakesAreExitTwoWithOneClearLine() {
    CliOutcome unknown = read("--contract=" + contract, "--role=finance", "--runner=DirectRunner");
    assertThat(unknown.status(), is(ExitCode.USAGE));
    assertThat(unknown.err(), allOf(containsString("finance"), containsString("[marketing, support]")));

    CliOutcome noKeys =
        read("--contract=" + contract, "--role=support", "--runner=DirectRunner");
    assertThat(noKeys.status(), is(ExitCode.USAGE));
    assertThat(noKeys.err(), containsString("keyset"));

    CliOutcome noContract = read("--role=support");
    assertThat(noContract.status(), is(ExitCode.USAGE));
    assertThat(noContract.err(), containsString("--contract"));

    CliOutcome noProduct =
        CliOutcome.run("read", "--product=" + dir.resolve("nothing"), "--runner=DirectRunner");
    assertThat(noProduct.status(), is(ExitCode.USAGE));
    assertThat(noProduct.errLines(), contains(containsString("no published product")));
  }
}
