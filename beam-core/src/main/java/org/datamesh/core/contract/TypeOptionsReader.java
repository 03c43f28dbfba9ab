package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.TemporalFormat;

/**
 * Reads a property's {@code logicalTypeOptions} into {@link TypeOptions}, checking what would
 * otherwise fail every record of a run: a broken pattern, a date format Java cannot read, an
 * unknown zone, a bound not written in the property's format.
 *
 * <pre>{@code
 * # logicalTypeOptions of a timestamp
 * {format: "dd/MM/yyyy HH:mm", defaultTimezone: Europe/Paris, minimum: "01/01/2020 00:00"}
 * }</pre>
 */
final class TypeOptionsReader {

  private static final Set<String> READ =
      Set.of(
          "pattern", "format", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
          "exclusiveMaximum", "defaultTimezone", "timezone", "required");
  static final List<String> BOUNDS =
      List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");

  private TypeOptionsReader() {}

  static TypeOptions read(
      JsonNode options, @Nullable LogicalType type, String path, Problems problems) {
    if (!options.isObject()) {
      return TypeOptions.NONE;
    }
    String optionsPath = YamlPaths.key(path, "logicalTypeOptions");
    Nodes.reportUnsupported(options, optionsPath, READ, Set.of(), problems);
    String pattern = Nodes.text(options, "pattern");
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        problems.error(
            YamlPaths.key(optionsPath, "pattern"),
            "not a valid regular expression: " + e.getDescription());
      }
    }
    boolean temporal =
        type == LogicalType.DATE || type == LogicalType.TIME || type == LogicalType.TIMESTAMP;
    String format = Nodes.text(options, "format");
    String zone = Nodes.text(options, "defaultTimezone");
    TemporalFormat temporalFormat = temporal ? temporalFormat(format, zone, optionsPath, problems) : null;
    boolean checkedText = type == LogicalType.STRING && TextFormat.of(format) != null;
    if (format != null && !temporal && !checkedText) {
      problems.notice(
          YamlPaths.key(optionsPath, "format"),
          "documentation only for a " + (type == null ? "property" : type.odcsName()));
    }
    boolean numeric = type == LogicalType.NUMBER || type == LogicalType.INTEGER;
    Map<String, BigDecimal> bounds = new LinkedHashMap<>();
    Map<String, String> temporalBounds = new LinkedHashMap<>();
    for (String bound : BOUNDS) {
      if (!options.has(bound)) {
        continue;
      }
      String boundPath = YamlPaths.key(optionsPath, bound);
      BigDecimal value = Nodes.decimal(options.get(bound));
      if (numeric && value != null) {
        bounds.put(bound, value);
      } else if (temporal && options.get(bound).isTextual()) {
        String text = options.get(bound).textValue();
        if (temporalFormat != null && readsAs(temporalFormat, type, text)) {
          temporalBounds.put(bound, text);
        } else if (temporalFormat != null) {
          problems.error(
              boundPath, "not a " + type.odcsName() + " in " + temporalFormat.describe());
        }
      } else if (!problems.hasErrorAt(boundPath)) {
        problems.notice(
            boundPath,
            "a bound on a " + (type == null ? "property" : type.odcsName())
                + " is not supported yet");
      }
    }
    return new TypeOptions(
        pattern,
        format,
        length(options, "minLength"),
        length(options, "maxLength"),
        bounds.get("minimum"),
        bounds.get("maximum"),
        bounds.get("exclusiveMinimum"),
        bounds.get("exclusiveMaximum"),
        temporal ? zone : null,
        temporalBounds);
  }

  private static @Nullable TemporalFormat temporalFormat(
      @Nullable String format, @Nullable String zone, String optionsPath, Problems problems) {
    try {
      TemporalFormat.of(format, null);
    } catch (IllegalArgumentException e) {
      problems.error(
          YamlPaths.key(optionsPath, "format"),
          "not a java.time.format.DateTimeFormatter pattern: " + e.getMessage());
      return null;
    }
    try {
      return TemporalFormat.of(format, zone);
    } catch (IllegalArgumentException e) {
      problems.error(
          YamlPaths.key(optionsPath, "defaultTimezone"),
          "not a time zone (use a region such as Europe/Paris, or an offset such as +01:00)");
      return null;
    }
  }

  private static boolean readsAs(TemporalFormat format, LogicalType type, String text) {
    try {
      switch (type) {
        case DATE -> format.date(text);
        case TIME -> format.time(text);
        default -> format.instant(text);
      }
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static @Nullable Integer length(JsonNode options, String key) {
    JsonNode value = options.path(key);
    return value.canConvertToInt() && value.isIntegralNumber() ? value.asInt() : null;
  }
}
