package org.datamesh.core.contract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/**
 * The Beam type a contract property is published as: its ODCS {@code logicalType} picks the
 * family, its {@code physicalType} (compared without case) refines it.
 *
 * <table>
 *   <caption>ODCS logicalType to Beam FieldType</caption>
 *   <tr><th>logicalType</th><th>physicalType</th><th>Beam type</th></tr>
 *   <tr><td>string</td><td>any</td><td>STRING</td></tr>
 *   <tr><td>integer</td><td>int, integer, int32, int4</td><td>INT32</td></tr>
 *   <tr><td>integer</td><td>smallint, int16, int2</td><td>INT16</td></tr>
 *   <tr><td>integer</td><td>anything else or none</td><td>INT64</td></tr>
 *   <tr><td>number</td><td>decimal(p,s), numeric(p,s), decimal(p)</td>
 *       <td>{@link DataTypes#decimal(int, int) DataTypes.decimal(p, s)}</td></tr>
 *   <tr><td>number</td><td>float, real</td><td>FLOAT</td></tr>
 *   <tr><td>number</td><td>anything else or none</td><td>DOUBLE</td></tr>
 *   <tr><td>boolean</td><td>any</td><td>BOOLEAN</td></tr>
 *   <tr><td>date</td><td>any</td><td>{@link DataTypes#date()} (SqlTypes.DATE)</td></tr>
 *   <tr><td>timestamp</td><td>any</td><td>{@link DataTypes#timestamp()} (microseconds, UTC)</td></tr>
 *   <tr><td>time</td><td>any</td><td>{@link DataTypes#time()} (SqlTypes.TIME, microseconds)</td></tr>
 *   <tr><td>object</td><td>any</td><td>ROW of its {@code properties}, each nullable unless
 *       required</td></tr>
 *   <tr><td>array</td><td>any</td><td>ARRAY of its {@code items}' type, elements nullable unless
 *       the items are required</td></tr>
 * </table>
 *
 * <p>Without a {@code logicalType}, an obvious SQL {@code physicalType} stands for one (see {@link
 * #infer}); anything else is an error rather than a guess.
 */
final class BeamTypes {

  private static final Pattern DECIMAL =
      Pattern.compile("(?:decimal|numeric)\\s*\\(\\s*(\\d{1,3})\\s*(?:,\\s*(\\d{1,3})\\s*)?\\)");

  private static final Set<String> INT32 = Set.of("int", "integer", "int32", "int4");
  private static final Set<String> INT16 = Set.of("smallint", "int16", "int2");
  private static final Set<String> FLOAT = Set.of("float", "real", "float4");

  private BeamTypes() {}

  /**
   * The Beam type of a property, or null after reporting why it has none.
   *
   * @param path the property's path, e.g. {@code schema[0].properties[2]}
   */
  static @Nullable FieldType of(
      LogicalType type,
      @Nullable String physicalType,
      List<ContractField> properties,
      @Nullable ContractField items,
      String path,
      Problems problems) {
    String physical = physicalType == null ? "" : physicalType.trim().toLowerCase(Locale.ROOT);
    switch (type) {
      case STRING:
        return FieldType.STRING;
      case INTEGER:
        if (INT32.contains(physical)) {
          return FieldType.INT32;
        }
        return INT16.contains(physical) ? FieldType.INT16 : FieldType.INT64;
      case NUMBER:
        return number(physical, path, problems);
      case BOOLEAN:
        return FieldType.BOOLEAN;
      case DATE:
        return DataTypes.date();
      case TIMESTAMP:
        return DataTypes.timestamp();
      case TIME:
        return DataTypes.time();
      case OBJECT:
        // Repeated names have been reported; a row cannot hold them.
        boolean unique =
            properties.stream().map(ContractField::name).distinct().count() == properties.size();
        if (properties.isEmpty()) {
          return FieldType.STRING; // its JSON text: the contract leaves its shape open
        }
        return unique ? FieldType.row(rowSchema(properties)) : null;
      case ARRAY:
        return items == null
            ? FieldType.STRING // its JSON text, as for an object without properties
            : FieldType.array(items.beamType().withNullable(!items.required()));
      default:
        throw new IllegalStateException("unknown logical type " + type);
    }
  }

  /** The row schema of an object's properties: each nullable unless required. */
  static Schema rowSchema(List<ContractField> properties) {
    Schema.Builder schema = Schema.builder();
    for (ContractField property : properties) {
      Schema.Field field =
          Schema.Field.of(property.name(), property.beamType()).withNullable(!property.required());
      schema.addField(
          property.description() == null ? field : field.withDescription(property.description()));
    }
    return schema.build();
  }

  /** The logical type an obvious SQL physical type stands for, or null. */
  static @Nullable LogicalType infer(@Nullable String physicalType) {
    if (physicalType == null) {
      return null;
    }
    String base = baseName(physicalType);
    switch (base) {
      case "varchar": case "nvarchar": case "char": case "nchar": case "character":
      case "character varying": case "text": case "string":
        return LogicalType.STRING;
      case "int": case "integer": case "bigint": case "smallint": case "int2": case "int4":
      case "int8":
        return LogicalType.INTEGER;
      case "decimal": case "numeric": case "double": case "double precision": case "float":
      case "real":
        return LogicalType.NUMBER;
      case "date":
        return LogicalType.DATE;
      case "timestamp": case "datetime": case "timestamptz":
        return LogicalType.TIMESTAMP;
      case "time":
        return LogicalType.TIME;
      case "boolean": case "bool":
        return LogicalType.BOOLEAN;
      default:
        return null;
    }
  }

  private static @Nullable FieldType number(String physical, String path, Problems problems) {
    Matcher decimal = DECIMAL.matcher(physical);
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(1));
      int scale = decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2));
      if (precision < 1 || scale > precision) {
        problems.error(
            YamlPaths.key(path, "physicalType"),
            "a decimal needs a precision of at least 1 and a scale no larger than it");
        return null;
      }
      return DataTypes.decimal(precision, scale);
    }
    if (FLOAT.contains(baseName(physical))) {
      return FieldType.FLOAT;
    }
    if ("decimal".equals(physical) || "numeric".equals(physical)) {
      problems.notice(
          YamlPaths.key(path, "physicalType"),
          "a decimal without precision and scale is published as DOUBLE;"
              + " write decimal(p,s) to keep it exact");
    }
    return FieldType.DOUBLE;
  }

  /** {@code VARCHAR(18)} and {@code varchar[15]} are both {@code varchar}. */
  private static String baseName(String physicalType) {
    String lower = physicalType.trim().toLowerCase(Locale.ROOT);
    int cut = lower.length();
    for (char c : new char[] {'(', '['}) {
      int at = lower.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return lower.substring(0, cut).trim();
  }
}
