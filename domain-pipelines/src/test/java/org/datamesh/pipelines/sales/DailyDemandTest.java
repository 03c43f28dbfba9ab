package org.datamesh.pipelines.sales;

import static org.datamesh.pipelines.sales.SalesRows.line;
import static org.datamesh.pipelines.sales.SalesRows.order;

import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class DailyDemandTest {

  @Test
  void sumsKeptLinesPerProductAndUtcDayAndFillsEmptyDaysWithZero(TestPipeline pipeline) {
    List<Row> orders =
        List.of(
            order("ORD-000001", "2026-01-05T23:59:59Z", "PAID"),
            order("ORD-000002", "2026-01-06T00:00:00Z", "DELIVERED"), // the next UTC day
            order("ORD-000003", "2026-01-06T12:00:00Z", "CANCELLED"),
            order("ORD-000004", "2026-01-06T13:00:00Z", "RETURNED"),
            order("ORD-000005", "2026-01-08T08:00:00Z", "PLACED"),
            // Cancelled, yet the last day of the data: every series runs to it.
            order("ORD-000006", "2026-01-09T08:00:00Z", "CANCELLED"));
    List<Row> lines =
        List.of(
            line("ORD-000001", 1, "PRD-0001", 3),
            line("ORD-000001", 2, "PRD-0002", 1),
            line("ORD-000002", 1, "PRD-0001", 2),
            line("ORD-000003", 1, "PRD-0001", 100), // cancelled
            line("ORD-000004", 1, "PRD-0001", 5),
            line("ORD-000004", 2, "PRD-0001", 1),
            line("ORD-000005", 1, "PRD-0002", 7),
            line("ORD-000006", 1, "PRD-0003", 9), // cancelled: PRD-0003 has no demand at all
            line("ORD-999999", 1, "PRD-0001", 50)); // no such order
    PCollection<Row> orderRows =
        pipeline.apply("Orders", Create.of(orders).withRowSchema(SalesRows.ORDERS));
    PCollection<DemandSeries> demand =
        pipeline
            .apply("Lines", Create.of(lines).withRowSchema(SalesRows.LINES))
            .apply(DailyDemand.of(orderRows));

    LocalDate first = LocalDate.of(2026, 1, 5);
    PAssert.that(demand)
        .containsInAnyOrder(
            new DemandSeries("PRD-0001", first, List.of(3L, 8L, 0L, 0L, 0L)),
            new DemandSeries("PRD-0002", first, List.of(1L, 0L, 0L, 7L, 0L)));
    pipeline.run().waitUntilFinish();
  }
}
