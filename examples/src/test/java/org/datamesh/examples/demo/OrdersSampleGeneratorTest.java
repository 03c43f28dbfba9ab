package org.datamesh.examples.demo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrdersSampleGeneratorTest {

  @TempDir Path dir;

  @Test
  void theSameSeedWritesTheSameBytes() throws Exception {
    SampleLedger a = OrdersSampleGenerator.write(dir.resolve("a.csv"), 2_000, 7);
    SampleLedger b = OrdersSampleGenerator.write(dir.resolve("b.csv"), 2_000, 7);
    OrdersSampleGenerator.write(dir.resolve("c.csv"), 2_000, 8);
    assertThat(Files.readAllBytes(dir.resolve("a.csv")), equalTo(Files.readAllBytes(dir.resolve("b.csv"))));
    assertThat(Files.readAllBytes(dir.resolve("a.csv")), not(equalTo(Files.readAllBytes(dir.resolve("c.csv")))));
    assertThat(a, equalTo(b));
  }

  @Test
  void theLedgerAccountsForEveryRecordAndMatchesTheFile() throws Exception {
    Path file = dir.resolve("orders.csv");
    SampleLedger ledger = OrdersSampleGenerator.write(file, 5_000, 42);
    assertThat(ledger.records(), is(ledger.published() + ledger.quarantined() + ledger.duplicates()));
    assertThat(
        ledger.quarantinedByStage().values().stream().mapToLong(Long::longValue).sum(),
        is(ledger.quarantined()));
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    assertThat("header plus one line per record", (long) lines.size(), is(ledger.records() + 1));
  }

  @Test
  void injectsDefectsAtTheirRates() throws Exception {
    int orders = 50_000;
    SampleLedger ledger = OrdersSampleGenerator.write(dir.resolve("orders.csv"), orders, 1);
    double defectRate = 0;
    for (Defect d : Defect.values()) {
      defectRate += d.rate;
    }
    assertThat((double) ledger.quarantined() / orders, closeTo(defectRate, 0.005));
    assertThat(
        (double) ledger.duplicates() / orders,
        closeTo(OrdersSampleGenerator.DUPLICATE_RATE * (1 - defectRate), 0.003));
    assertThat(
        (double) ledger.bulkRecords() / orders,
        closeTo(
            OrdersSampleGenerator.BULK_RATE * (1 - defectRate) * (1 + OrdersSampleGenerator.DUPLICATE_RATE),
            0.002));
  }
}
