package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads {@code retention}, {@code freshness} and {@code latency} from {@code slaProperties}; the
 * other SLA properties are reported as not supported yet.
 */
final class ServiceLevelsReader {

  private static final long SECOND = 1_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private static final Map<String, Long> UNIT_MILLIS = units();

  private static final Set<String> READ = Set.of("property", "value", "unit");
  private static final Set<String> DOCUMENTATION =
      Set.of("id", "description", "element", "driver", "scheduler", "schedule");

  private ServiceLevelsReader() {}

  static ServiceLevels read(JsonNode slaProperties, Problems problems) {
    Map<String, Duration> levels = new HashMap<>();
    Map<String, String> drivers = new HashMap<>();
    List<JsonNode> entries = Nodes.elements(slaProperties);
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String path = YamlPaths.index("slaProperties", i);
      String property = Nodes.text(entry, "property");
      if (!"retention".equals(property) && !"freshness".equals(property)
          && !"latency".equals(property)) {
        problems.notice(path, "SLA property " + property + ": not supported yet");
        continue;
      }
      Nodes.reportUnsupported(entry, path, READ, DOCUMENTATION, problems);
      Duration duration = duration(entry, path, problems);
      if (duration != null && levels.putIfAbsent(property, duration) != null) {
        problems.error(YamlPaths.key(path, "property"), property + " is given more than once");
      }
      String driver = Nodes.text(entry, "driver");
      if (duration != null && driver != null && !driver.isBlank()) {
        drivers.putIfAbsent(property, driver.trim().toLowerCase(Locale.ROOT));
      }
    }
    return new ServiceLevels(
        levels.get("retention"), levels.get("freshness"), levels.get("latency"), drivers);
  }

  private static @Nullable Duration duration(JsonNode entry, String path, Problems problems) {
    JsonNode value = entry.path("value");
    BigDecimal amount = Nodes.decimal(value);
    if (amount == null && value.isTextual()) {
      try {
        amount = new BigDecimal(value.asText().trim());
      } catch (NumberFormatException notANumber) {
        amount = null;
      }
    }
    String unit = Nodes.text(entry, "unit");
    Long unitMillis = unit == null ? null : UNIT_MILLIS.get(unit.trim().toLowerCase(Locale.ROOT));
    if (amount == null || amount.signum() < 0) {
      problems.error(YamlPaths.key(path, "value"), "must be a number, zero or more");
    }
    if (unitMillis == null) {
      problems.error(
          YamlPaths.key(path, "unit"),
          (unit == null ? "required" : "unknown unit")
              + ": use ms, s, m (minutes), h, d, w, month (30 d) or y (365 d)");
    }
    if (amount == null || amount.signum() < 0 || unitMillis == null) {
      return null;
    }
    try {
      long millis =
          amount.multiply(BigDecimal.valueOf(unitMillis))
              .setScale(0, RoundingMode.HALF_UP)
              .longValueExact();
      return Duration.ofMillis(millis);
    } catch (ArithmeticException tooLong) {
      problems.error(YamlPaths.key(path, "value"), "too long a duration");
      return null;
    }
  }

  private static Map<String, Long> units() {
    Map<String, Long> units = new HashMap<>();
    put(units, 1L, "ms", "millisecond", "milliseconds");
    put(units, SECOND, "s", "sec", "second", "seconds");
    put(units, MINUTE, "m", "min", "minute", "minutes");
    put(units, HOUR, "h", "hr", "hour", "hours");
    put(units, DAY, "d", "day", "days");
    put(units, 7 * DAY, "w", "week", "weeks");
    put(units, 30 * DAY, "month", "months");
    put(units, 365 * DAY, "y", "yr", "year", "years");
    return Map.copyOf(units);
  }

  private static void put(Map<String, Long> units, long millis, String... names) {
    for (String name : names) {
      units.put(name, millis);
    }
  }
}
