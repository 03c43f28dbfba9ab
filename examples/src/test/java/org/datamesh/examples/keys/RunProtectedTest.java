package org.datamesh.examples.keys;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.core.protect.ProtectedText;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} on a contract with classified columns, in this JVM on the Direct runner. */
class RunProtectedTest {

  @TempDir Path dir;

  @Test
  void aContractThatProtectsColumnsNeedsAKeysetAndWritesNothingWithout() throws Exception {
    Path contract = ProtectedCustomers.writeContract(dir);
    Path input = ProtectedCustomers.writeInput(dir);

    CliOutcome outcome =
        CliOutcome.run(
            "run", "--contract=" + contract, "--input=" + input, "--output=" + dir.resolve("out"),
            "--runner=DirectRunner");

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.errLines(), hasSize(1));
    assertThat(
        outcome.err(),
        allOf(containsString("no keyset is given"), containsString("keys --keyset=PATH")));
    assertThat(Files.exists(dir.resolve("out")), is(false));
  }

  @Test
  void everyClassifiedColumnIsPublishedProtectedAndTheQuarantineEncrypted() throws Exception {
    Path keyset = dir.resolve("keyset.json");
    DataKeys keys = KeysetFiles.create(keyset);
    Path contract = ProtectedCustomers.writeContract(dir);
    Path input = ProtectedCustomers.writeInput(dir);
    Path out = dir.resolve("out");

    CliOutcome outcome =
        CliOutcome.run(
            "run", "--contract=" + contract, "--input=" + input, "--output=" + out,
            "--keyset=" + keyset, "--runner=DirectRunner");

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    Path product = out.resolve("crm/customers");
    Manifest manifest = Manifest.read(product);
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(7, 2, 4, 1)));
    List<Map<String, Object>> rows =
        DuckDb.query(
            "SELECT * FROM " + DuckDb.parquet(product, manifest.files()) + " ORDER BY visits");
    assertThat(rows, hasSize(2));
    assertThat(rows.get(0).keySet(), not(org.hamcrest.Matchers.hasItem("ssn")));
    List<String> emails = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      assertThat((String) row.get("customer_id"), startsWith("tok:"));
      emails.add(ProtectedText.reveal(keys, (String) row.get("email")));
    }
    assertThat(emails, containsInAnyOrder("ada.lovelace@example.com", "donald@example.com"));
    assertThat(rows.get(0).get("phone"), equalTo("**********4567"));
    assertThat(rows.get(0).get("birth_date").toString(), equalTo("1985-01-01"));
    assertThat(rows.get(0).get("city"), equalTo("Berlin"));

    List<Map<String, Object>> quarantine =
        DuckDb.query(
            "SELECT * FROM read_parquet('" + product.resolve("quarantine") + "/**/*.parquet')");
    assertThat(quarantine, hasSize(4));
    List<String> raw = new ArrayList<>();
    for (Map<String, Object> failure : quarantine) {
      raw.add(ProtectedText.reveal(keys, (String) failure.get("raw_payload")));
    }
    assertThat(raw.get(0), startsWith("C-100"));
    assertThat(
        new ClearTextScan(ProtectedCustomers.PERSONAL_VALUES)
            .folder(out)
            .text("console", outcome.out() + outcome.err())
            .hits(),
        empty());
    assertThat(outcome.out(), containsString("crm"));
    assertThat(new ClearTextScan(List.of()).folder(out).parquetFiles(), greaterThan(1));
    assertThat(
        "the scan finds what is there",
        new ClearTextScan(ProtectedCustomers.PERSONAL_VALUES).folder(dir).hits(),
        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("customers.csv")));
  }
}
