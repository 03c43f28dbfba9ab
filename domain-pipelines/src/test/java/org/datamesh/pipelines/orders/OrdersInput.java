package org.datamesh.pipelines.orders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The hand-made orders export with one record per kind of defect, and what must become of each.
 *
 * <pre>
 * record  order        fate
 *  1      ORD-000001   published (offset +01:00 to UTC)
 *  2      ORD-000002   published (local time read as UTC; JPY scale 0; status upper-cased)
 *  3      ORD-000003   published (bare date; 10.005 USD rounds half-even to 10.00)
 *  4      ORD-000004   PARSE parse.number ("1,234.50")
 *  5      ORD-000005   VALIDATE amount.range
 *  6      ORD-000006   VALIDATE customer_id.not_null
 *  7      ORD-000007   VALIDATE status.allowed_values
 *  8      ORD-000008   STANDARDIZE standardize.timestamp ("yesterday")
 *  9      ORD-000009   STANDARDIZE standardize.currency ("XYZ")
 * 10      ORD-000010   duplicate (older updated_at)
 * 11      ORD-000010   published (latest, SHIPPED)
 * 12      ORD-000011   published, WARN quantity.bulk
 * 13      ORD-000012   PARSE parse.column_count
 * 14      (empty)      PARSE parse.empty_line
 * 15      ORD-000013   published (quoted comma in customer_id)
 * 16      ORD-000014   PARSE parse.number ("abc")
 * 17      ORD-000015   VALIDATE quantity.range (and quantity.bulk)
 * 18      ORD-000016   published (quoted CRLF inside customer_id)
 * 19      ORD-000017   PARSE parse.encoding (invalid UTF-8)
 * </pre>
 */
final class OrdersInput {

  static final long INPUT = 19;
  static final long PUBLISHED = 7;
  static final long QUARANTINED = 11;
  static final long DEDUPLICATED = 1;

  static final Map<String, Long> FAILURES_BY_RULE =
      Map.ofEntries(
          Map.entry("parse.number", 2L),
          Map.entry("parse.column_count", 1L),
          Map.entry("parse.empty_line", 1L),
          Map.entry("parse.encoding", 1L),
          Map.entry("amount.range", 1L),
          Map.entry("customer_id.not_null", 1L),
          Map.entry("status.allowed_values", 1L),
          Map.entry("quantity.range", 1L),
          Map.entry("quantity.bulk", 1L),
          Map.entry("standardize.timestamp", 1L),
          Map.entry("standardize.currency", 1L));

  static final Map<String, Long> WARNINGS_BY_RULE = Map.of("quantity.bulk", 1L);

  private OrdersInput() {}

  /** Copies the export into {@code folder} and returns its path. */
  static Path copyTo(Path folder) throws IOException {
    Path file = folder.resolve("orders-with-defects.csv");
    try (InputStream in =
        OrdersInput.class.getResourceAsStream("/orders/orders-with-defects.csv")) {
      Files.copy(in, file);
    }
    return file;
  }
}
