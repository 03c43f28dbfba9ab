package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Values for {@link OdcsInstances}: at the keys the library reads, mostly what it understands and
 * sometimes what it must refuse; elsewhere short text of every kind.
 */
final class OdcsValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Keys the library needs to build a product, always generated where the schema has them. */
  static final java.util.Set<String> NEEDED =
      java.util.Set.of("domain", "dataProduct", "schema", "properties", "logicalType");

  /** Keys whose values the generator rarely gets right (patterns across objects), rarely generated. */
  static final java.util.Set<String> RARE = java.util.Set.of("relationships", "authoritativeDefinitions");

  /** At the keys the library reads: values it accepts. */
  private static final Map<String, List<String>> GOOD =
      Map.ofEntries(
          Map.entry("name", List.of("orders", "order_id", "amount", "currency", "paid_at", "status", "qty", "x")),
          Map.entry("domain", List.of("sales", "shop", "finance")),
          Map.entry("dataProduct", List.of("orders", "payments", "items")),
          Map.entry("version", List.of("1.0.0", "2.1.0", "0.0.1")),
          Map.entry("id", List.of("id-1", "abc_2", "X")),
          Map.entry("logicalType", List.of("string", "number", "integer", "boolean", "date", "timestamp", "object")),
          Map.entry("physicalType", List.of("decimal(12,2)", "decimal(38,0)", "varchar(10)", "int", "bigint", "smallint",
              "double", "real", "timestamp", "timestamptz", "date", "boolean", "text", "numeric", "table")),
          Map.entry("property", List.of("standardize", "deduplicate", "retention", "freshness", "latency")),
          Map.entry("value", List.of("trim", "upper", "lower", "trim,upper", "currency(currency)", "latest", "30")),
          Map.entry("unit", List.of("d", "days", "h", "ms", "w", "month", "y")),
          Map.entry("pattern", List.of("^[A-Z]{3}$", "[a-z]+")),
          Map.entry("metric", List.of("nullValues", "invalidValues", "missingValues", "duplicateValues", "rowCount")),
          Map.entry("severity", List.of("error", "warning", "info")),
          Map.entry("role", List.of("owner", "consumer")),
          Map.entry("format", List.of("email", "yyyy-MM-dd", "uuid")),
          Map.entry("physicalName", List.of("orders_v1", "topic.orders")),
          Map.entry("type", List.of("kafka", "local", "s3", "library")),
          Map.entry("apiVersion", List.of("v3.1.0", "v3.0.2")),
          Map.entry("kind", List.of("DataContract")));

  /** At the same keys: values it must refuse or cannot use. */
  private static final Map<String, List<String>> BAD =
      Map.ofEntries(
          Map.entry("name", List.of("_source", "Order Id", "a.b", "", "x")),
          Map.entry("domain", List.of("../etc", "a/b", "Sales", ".", "-x", "", "..")),
          Map.entry("dataProduct", List.of("..", "/abs", "a b", "ok_1", "C:\\x", "a\u0000b")),
          Map.entry("version", List.of("1.0", "v1", "1.0.0-rc.1", "", "../1.0.0")),
          Map.entry("physicalType", List.of("decimal(40,2)", "decimal(2,5)", "decimal(0,0)", "decimal(-1,2)",
              "decimal(99999999999,1)", "decimal(", "blob", "")),
          Map.entry("property", List.of("logPattern", "other", "standardize")),
          Map.entry("value", List.of("currency(nope)", "currency()", "earliest", "(?<order_id>\\S+) (?<amount>\\S+)",
              "(?<x>", "(", "-1", "", "upper(")),
          Map.entry("unit", List.of("parsecs", "", "D")),
          Map.entry("pattern", List.of("(", "a{2,1}", "\\", "(?<n>x)")),
          Map.entry("metric", List.of("other", "")),
          Map.entry("severity", List.of("fatal", "")),
          Map.entry("role", List.of("Owner ", "")),
          Map.entry("type", List.of("sql", "custom", "text", "other")));

  /** Text no key in particular expects: plain, empty, YAML look-alikes, non-ASCII, control characters. */
  private static final List<String> ANY_TEXT =
      List.of("", " ", "a", "yes", "no", "null", "~", "1e3", "0x10", "- x", "a: b", "#c", "&a", "*a", "!!str",
          "{a}", "[1]", "\"q\"", "'", "é€😀", "\t", "line\nbreak", "\u0000", "\uFEFF", "x".repeat(300));

  private OdcsValues() {}

  /** A string for {@code key}. */
  static String string(Random random, String key, String format) {
    if (random.nextInt(8) > 0) {
      switch (format) {
        case "date":
          return "2024-03-05";
        case "date-time":
          return "2024-03-05T10:15:30Z";
        case "uri":
          return "https://example.com/a";
        case "email":
          return "a@example.com";
        default:
          break;
      }
    }
    int dice = random.nextInt(20);
    List<String> pool =
        dice < 17 || (dice < 19 && !BAD.containsKey(key)) ? GOOD.get(key) : dice < 19 ? BAD.get(key) : null;
    if (pool != null) {
      return pool.get(random.nextInt(pool.size()));
    }
    return ANY_TEXT.get(random.nextInt(ANY_TEXT.size()));
  }

  /** One of an enum's values, those the library reads at {@code key} more often. */
  static JsonNode choice(Random random, String key, JsonNode values) {
    List<String> good = GOOD.getOrDefault(key, List.of());
    List<JsonNode> preferred = new java.util.ArrayList<>();
    values.forEach(v -> {
      if (good.contains(v.asText())) {
        preferred.add(v);
      }
    });
    if (!preferred.isEmpty() && random.nextInt(5) > 0) {
      return preferred.get(random.nextInt(preferred.size()));
    }
    return values.get(random.nextInt(values.size()));
  }

  static BigInteger integer(Random random) {
    switch (random.nextInt(8)) {
      case 0:
        return BigInteger.valueOf(-1);
      case 1:
        return BigInteger.ZERO;
      case 2:
        return BigInteger.TEN.pow(30);
      case 3:
        return BigInteger.valueOf(Long.MIN_VALUE);
      case 4:
        return BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE);
      default:
        return BigInteger.valueOf(random.nextInt(40));
    }
  }

  static BigDecimal number(Random random) {
    switch (random.nextInt(6)) {
      case 0:
        return new BigDecimal("-0.5");
      case 1:
        return new BigDecimal("1E+400");
      case 2:
        return new BigDecimal("0.000000000000000000001");
      default:
        return BigDecimal.valueOf(random.nextInt(1000), random.nextInt(3));
    }
  }

  /** A value of any scalar type, or an empty collection: what a broken document holds instead. */
  static JsonNode anyScalar(Random random, String key) {
    switch (random.nextInt(8)) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.booleanNode(random.nextBoolean());
      case 2:
        return NODES.numberNode(integer(random));
      case 3:
        return NODES.numberNode(number(random));
      case 4:
        return NODES.numberNode(random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY);
      case 5:
        return random.nextBoolean() ? NODES.arrayNode() : NODES.objectNode();
      default:
        return NODES.textNode(string(random, key, ""));
    }
  }

  /** Members of an object the schema leaves open, such as logical type options or rule arguments. */
  static Map<String, JsonNode> freeMembers(Random random, String key) {
    Map<String, JsonNode> members = new LinkedHashMap<>();
    List<String> names =
        List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
            "pattern", "format", "validValues", "other");
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String name = names.get(random.nextInt(names.size()));
      members.put(name, name.equals("validValues") ? NODES.arrayNode().add("card").add(1) : anyScalar(random, name));
    }
    return members;
  }
}
