package org.datamesh.core.pipeline;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;

/**
 * Random tables for the parsers: a schema of the types they fill (text, booleans, 16/32/64-bit
 * integers, floats, doubles, fixed decimals, timestamps, dates), each column nullable or not, and
 * rows of valid values, each with the text a file holds for it and the value a reader of the
 * published Parquet must find (timestamps as UTC epoch microseconds, dates as epoch days, decimals
 * at the column's scale).
 *
 * <pre>{@code
 * @Property
 * void roundTrips(@ForAll("tables") RandomTables.Table table) { ... }
 *
 * @Provide
 * Arbitrary<RandomTables.Table> tables() {
 *   return RandomTables.tables(5, 12);
 * }
 * }</pre>
 */
final class RandomTables {

  /** The column types generated. */
  enum Kind { STRING, BOOLEAN, INT16, INT32, INT64, FLOAT, DOUBLE, DECIMAL, TIMESTAMP, DATE }

  /** One column; {@code precision} and {@code scale} only matter for {@link Kind#DECIMAL}. */
  record Column(String name, Kind kind, boolean nullable, int precision, int scale) {
    FieldType type() {
      FieldType type =
          switch (kind) {
            case STRING -> FieldType.STRING;
            case BOOLEAN -> FieldType.BOOLEAN;
            case INT16 -> FieldType.INT16;
            case INT32 -> FieldType.INT32;
            case INT64 -> FieldType.INT64;
            case FLOAT -> FieldType.FLOAT;
            case DOUBLE -> FieldType.DOUBLE;
            case DECIMAL -> DataTypes.decimal(precision, scale);
            case TIMESTAMP -> DataTypes.timestamp();
            case DATE -> DataTypes.date();
          };
      return type.withNullable(nullable);
    }

    /** How DuckDB selects the column as the value a {@link Cell} expects. */
    String select() {
      String quoted = "\"" + name + "\"";
      return switch (kind) {
        case TIMESTAMP -> "epoch_us(" + quoted + ")";
        case DATE -> "datediff('day', DATE '1970-01-01', " + quoted + ")";
        default -> quoted;
      };
    }

    /** A value DuckDB returned, in the form a {@link Cell} expects. */
    Object normalize(Object read) {
      if (read == null) {
        return null;
      }
      return switch (kind) {
        case INT16, INT32, INT64, TIMESTAMP, DATE -> ((Number) read).longValue();
        case FLOAT -> ((Number) read).floatValue();
        case DOUBLE -> ((Number) read).doubleValue();
        default -> read;
      };
    }
  }

  /**
   * A value: what a reader of the published data finds ({@code expected}), and its text in a file
   * ({@code text}, null for a missing value).
   */
  record Cell(Object expected, String text) {}

  /** A schema, its columns in file order, and rows of cells in schema order. */
  record Table(List<Column> columns, List<Integer> fileOrder, List<List<Cell>> rows) {
    Schema schema() {
      Schema.Builder builder = Schema.builder();
      columns.forEach(c -> builder.addField(c.name(), c.type()));
      return builder.build();
    }

    /** Each row's expected values, in schema order. */
    List<List<Object>> expected() {
      return rows.stream().map(r -> r.stream().map(Cell::expected).toList()).toList();
    }
  }

  private RandomTables() {}

  /** Tables of 1 to {@code maxColumns} columns, the first required, and 1 to {@code maxRows} rows. */
  static Arbitrary<Table> tables(int maxColumns, int maxRows) {
    Arbitrary<Column> column =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 38),
                Arbitraries.integers().between(0, 12))
            .as((kind, nullable, precision, scale) ->
                new Column("", kind, nullable, precision, Math.min(scale, precision)));
    return column.list().ofMinSize(1).ofMaxSize(maxColumns)
        .map(RandomTables::named)
        .flatMap(columns -> Combinators.combine(
                Arbitraries.shuffle(IntStream.range(0, columns.size()).boxed().toList()),
                row(columns).list().ofMinSize(1).ofMaxSize(maxRows))
            .as((order, rows) -> new Table(columns, order, rows)));
  }

  /** Names c0_int64, c1_string, ...; the first column required, so no row is an empty line. */
  private static List<Column> named(List<Column> columns) {
    List<Column> named = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      named.add(new Column("c" + i + "_" + c.kind().name().toLowerCase(), c.kind(), i > 0 && c.nullable(),
          c.precision(), c.scale()));
    }
    return named;
  }

  private static Arbitrary<List<Cell>> row(List<Column> columns) {
    List<Arbitrary<Cell>> cells = new ArrayList<>();
    for (Column column : columns) {
      Arbitrary<Cell> cell = cell(column);
      cells.add(column.nullable() ? cell.injectNull(0.2).map(c -> c == null ? new Cell(null, null) : c) : cell);
    }
    return Combinators.combine(cells).as(List::copyOf);
  }

  private static Arbitrary<Cell> cell(Column column) {
    return switch (column.kind()) {
      case STRING -> texts().map(s -> new Cell(s, s));
      case BOOLEAN -> Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(0, 1, 2, 3))
          .as((b, spelling) -> new Cell(b, List.of(b ? "true" : "false", b ? "YES" : "no", b ? "1" : "0",
              b ? " True " : " False ").get(spelling)));
      case INT16 -> padded(Arbitraries.shorts().map(Short::longValue));
      case INT32 -> padded(Arbitraries.integers().map(Integer::longValue));
      case INT64 -> padded(Arbitraries.longs());
      case FLOAT -> Arbitraries.oneOf(Arbitraries.integers().map(Float::intBitsToFloat),
              Arbitraries.floats().between(-1e6f, 1e6f).ofScale(3))
          // A zero is published without its sign (see FieldValues), so -0.0 reads back as 0.0.
          .filter(Float::isFinite).map(f -> new Cell(f == 0 ? 0.0f : f, Float.toString(f)));
      case DOUBLE -> Arbitraries.oneOf(Arbitraries.longs().map(Double::longBitsToDouble),
              Arbitraries.doubles().between(-1e6, 1e6).ofScale(4))
          .filter(Double::isFinite).map(d -> new Cell(d == 0 ? 0.0d : d, Double.toString(d)));
      case DECIMAL -> decimals(column.precision(), column.scale());
      case TIMESTAMP -> Combinators.combine(
              // 1900 to 2200, to the microsecond, or whole milliseconds
              Arbitraries.oneOf(
                  Arbitraries.longs().between(-2_208_988_800_000_000L, 7_258_118_400_000_000L),
                  Arbitraries.longs()
                      .between(-2_208_988_800_000L, 7_258_118_400_000L)
                      .map(millis -> millis * 1_000)),
              Arbitraries.of("Z", "+00:00", "+05:30", "-08:00", "+14:00", "-12:00"))
          .as((micros, offset) -> new Cell(micros, timestamp(micros, offset)));
      case DATE -> Arbitraries.longs()
          .between(LocalDate.of(1000, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
          .map(day -> new Cell(day, LocalDate.ofEpochDay(day).toString()));
    };
  }

  /** ISO-8601 at {@code offset}, which parsing brings back to UTC; "+00:00" spelled out, not Z. */
  private static String timestamp(long micros, String offset) {
    ZoneOffset zone = offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
    String text = OffsetDateTime.ofInstant(DataTypes.ofEpochMicros(micros), zone).toString();
    return offset.equals("+00:00") ? text.substring(0, text.length() - 1) + offset : text;
  }

  /** Text with what CSV and JSON must escape: delimiters, quotes, line breaks, non-ASCII, empty. */
  private static Arbitrary<String> texts() {
    Arbitrary<String> fragment =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').withChars(" ,\"'\r\n\t;\\{}[]:#é€ß\u00A0\u2028")
                .ofMaxLength(10),
            Arbitraries.of("😀", "𝄞", "\"\"", "\r\n", " ", "null", "NULL"));
    return fragment.list().ofMaxSize(3).map(parts -> String.join("", parts));
  }

  /** An integer written as itself, or with the blanks around it that parsing trims. */
  private static Arbitrary<Cell> padded(Arbitrary<Long> values) {
    return Combinators.combine(values, Arbitraries.of("", " ", "  "))
        .as((v, pad) -> new Cell(v, pad + v + pad));
  }

  private static Arbitrary<Cell> decimals(int precision, int scale) {
    BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
    return Combinators.combine(Arbitraries.bigIntegers().between(max.negate(), max), Arbitraries.of(true, false))
        .as((unscaled, strip) -> {
          BigDecimal value = new BigDecimal(unscaled, scale);
          // Fewer decimals than the scale are padded by parsing, so both forms read back the same.
          String text = strip && value.signum() != 0 ? value.stripTrailingZeros().toPlainString() : value.toPlainString();
          return new Cell(value, text);
        });
  }
}
