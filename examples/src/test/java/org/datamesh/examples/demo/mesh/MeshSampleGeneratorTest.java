package org.datamesh.examples.demo.mesh;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator writes the same bytes for a seed, and its ledger accounts for every line it wrote. */
class MeshSampleGeneratorTest {

  @TempDir Path dir;

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
    MeshLedger a = MeshSampleGenerator.write(dir.resolve("a"), MeshSize.ofOrders(2_000), 7);
    MeshLedger b = MeshSampleGenerator.write(dir.resolve("b"), MeshSize.ofOrders(2_000), 7);
    MeshSampleGenerator.write(dir.resolve("c"), MeshSize.ofOrders(2_000), 8);

    assertThat(a, equalTo(b));
    for (String file : MeshSampleGenerator.FILES) {
      byte[] first = Files.readAllBytes(dir.resolve("a").resolve(file));
      assertThat(file, Files.readAllBytes(dir.resolve("b").resolve(file)), equalTo(first));
      assertThat(file, Files.readAllBytes(dir.resolve("c").resolve(file)), not(equalTo(first)));
    }
  }

  @Test
  void theLedgerCountsEveryLineOfEveryFile() throws Exception {
    MeshLedger ledger = MeshSampleGenerator.write(dir, MeshSize.ofOrders(5_000), 42);

    assertThat(ledger.tables().stream().map(TableLedger::file).toList(), equalTo(MeshSampleGenerator.FILES));
    for (TableLedger table : ledger.tables()) {
      long header = table.file().endsWith(".csv") ? 1 : 0;
      assertThat(table.file(), lines(dir.resolve(table.file())), is(table.records() + header));
      assertThat(table.table(), table.records(), is(table.published() + table.quarantined() + table.duplicates()));
      long defects = table.injected().entrySet().stream()
          .filter(e -> e.getKey() != DefectKind.DUPLICATE).mapToLong(Map.Entry::getValue).sum();
      long warnings = table.warningsByRule().values().stream().mapToLong(Long::longValue).sum();
      assertThat(table.table(), defects + table.orphanedByParent(), is(table.quarantined() + warnings));
      assertThat(table.table(), table.injected(DefectKind.DUPLICATE), is(table.duplicates()));
      assertThat(
          table.table(), table.quarantinedByRule().values().stream().mapToLong(Long::longValue).sum(),
          is(table.quarantined()));
    }
  }

  @Test
  void theDefaultSizeScalesFromTheOrders() {
    MeshSize size = MeshSize.defaults();

    assertThat(size.orders(), is(20_000));
    assertThat(size.customers(), is(2_000));
    assertThat(size.products(), is(64));
    assertThat(size.shipments(), is(500));
    assertThat(size.logLines(), is(15_000));
  }

  @Test
  void injectsEachKindAtItsRate() throws Exception {
    MeshLedger ledger = MeshSampleGenerator.write(dir, MeshSize.ofOrders(20_000), 3);

    Map<DefectKind, Long> injected = new EnumMap<>(DefectKind.class);
    TableLedger orders = ledger.table("orders");
    TableLedger lines = ledger.table("order_lines");
    for (DefectKind kind : new DefectKind[] {DefectKind.MISSING, DefectKind.MALFORMED, DefectKind.OUT_OF_RANGE, DefectKind.ORPHAN}) {
      injected.put(kind, orders.injected(kind));
      assertThat(kind.name(), orders.injected(kind) / 20_000.0, closeTo(0.01, 0.003));
    }
    assertThat(orders.injected(DefectKind.BAD_ENCODING) / 20_000.0, closeTo(0.005, 0.002));
    assertThat(orders.duplicates() / 20_000.0, closeTo(0.02 * 0.955, 0.004));
    // Each line of a quarantined order is quarantined as an orphan too.
    assertThat(lines.orphanedByParent(), greaterThan(orders.quarantined()));
    assertThat(
        lines.quarantinedByRule().get("order_lines.order_id.relationship"),
        is(lines.orphanedByParent() + lines.injected(DefectKind.ORPHAN)));
    assertThat(ledger.table("requests").injected(DefectKind.UNPARSEABLE_LOG), greaterThan(100L));
    assertThat(ledger.table("interactions").warningsByRule().get("interactions.customer_id.relationship"),
        is(ledger.table("interactions").injected(DefectKind.ORPHAN)));
  }

  @Test
  void noDefectsPublishesEveryRecord() throws Exception {
    MeshLedger ledger = MeshSampleGenerator.write(dir, MeshSize.ofOrders(1_000), MeshDefects.none(), 5);

    for (TableLedger table : ledger.tables()) {
      assertThat(table.table(), table.published(), is(table.records()));
      assertThat(table.table(), table.records(), greaterThan(0L));
    }
    assertThat(ledger.table("orders").records(), is(1_000L));
  }

  private static long lines(Path file) throws Exception {
    long count = 0;
    for (byte b : Files.readAllBytes(file)) {
      if (b == '\n') {
        count++;
      }
    }
    return count;
  }
}
