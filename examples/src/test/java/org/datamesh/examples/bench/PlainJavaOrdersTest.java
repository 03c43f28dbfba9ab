package org.datamesh.examples.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.datamesh.examples.demo.OrdersSampleGenerator;
import org.datamesh.examples.demo.SampleLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-Java baseline does exactly the work the generator's ledger says a correct run does. */
class PlainJavaOrdersTest {

  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(longs = {42, 7, 2024})
  void countsMatchWhatTheGeneratorInjected(long seed) throws Exception {
    Path input = folder.resolve("orders.csv");
    SampleLedger ledger = OrdersSampleGenerator.write(input, 3_000, seed);

    Counts counts = PlainJavaOrders.run(input, folder.resolve("out"));

    assertThat(counts, equalTo(Counts.fromLedger(ledger)));
    assertThat("every defect kind is in the sample", counts.failuresByStage().size(), is(3));
    assertThat(counts.input(), equalTo(counts.published() + counts.quarantined() + counts.deduplicated()));
    assertThat(Files.size(folder.resolve("out/data/part-00000.parquet")), greaterThan(0L));
    assertThat(Files.size(folder.resolve("out/quarantine/part-00000.parquet")), greaterThan(0L));
  }

  @Test
  void quotedFieldsLineBreaksAndEveryStageCountAsTheLibraryCounts() throws Exception {
    String csv =
        "\uFEFForder_id,customer_id,order_ts,updated_at,amount,currency,status,quantity\r\n"
            // clean, with a quoted customer holding a comma, a doubled quote and a line break
            + "ORD-000001,\"C-1, \"\"x\"\"\r\nsecond line\",2024-03-05T10:15:30+01:00,,10.005,eur,paid,5\r\n"
            // a re-send, later: replaces the first
            + "ORD-000001,C-1,2024-03-05 10:15:30,2024-03-06T00:00:00Z,10.00,EUR,DELIVERED,5\n"
            // bulk quantity: published with a warning
            + "ORD-000002,C-2,2024-03-05,,1000,JPY,PLACED,150\r"
            // parse: amount not a number; parse: wrong column count; parse: empty line
            + "ORD-000003,C-3,2024-03-05,,\"1,000.00\",EUR,PAID,1\n"
            + "ORD-000004,C-4,2024-03-05,,1.00,EUR,PAID\n"
            + "\n"
            // validate: negative amount, unknown status (warning not counted on a rejected record)
            + "ORD-000005,C-5,2024-03-05,,-1,EUR,MISPLACED,200\n"
            // standardize: unknown currency; unreadable timestamp
            + "ORD-000006,C-6,2024-03-05,,1.00,ZZZ,PAID,1\n"
            + "ORD-000007,C-7,31/31/2024 25:00,,1.00,EUR,PAID,101\n"
            // parse: text after a closing quote
            + "ORD-000008,\"C-8\"x,2024-03-05,,1.00,EUR,PAID,1\n";
    Path input = folder.resolve("crafted.csv");
    // ORD-000001 and ORD-000002 published, one duplicate; 4 parse, 1 validate, 2 standardize
    // failures; a bulk warning on ORD-000002 only: ORD-000007 fails at standardization, before
    // the rules (the bulk warning among them) judge it.
    Files.writeString(input, csv, StandardCharsets.UTF_8);

    Counts plain = PlainJavaOrders.run(input, folder.resolve("plain"));
    Counts library =
        LibraryRun.run(input.toString(), folder.resolve("library"), new String[] {"--runner=DirectRunner"});

    Counts expected =
        new Counts(
            10,
            2,
            7,
            1,
            Map.of("PARSE", 4L, "VALIDATE", 1L, "STANDARDIZE", 2L),
            Map.of("quantity.bulk", 1L));
    assertThat("the library", library, equalTo(expected));
    assertThat("the plain baseline", plain, equalTo(expected));
  }
}
