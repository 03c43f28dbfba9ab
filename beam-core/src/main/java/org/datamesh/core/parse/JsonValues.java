package org.datamesh.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.JsonText;
import org.datamesh.core.TemporalFormat;

/**
 * A JSON value read into the value a Beam row holds for a field of any type: nested rows from
 * JSON objects, lists from JSON arrays, scalars as {@link JsonMembers} and {@link FieldValues}
 * read them.
 *
 * <pre>{@code
 * // customer: ROW(address ROW(zip STRING)), lines: ARRAY<ROW(quantity INT32)>
 * {"customer": {"address": {"zip": "75001"}}, "lines": [{"quantity": 2}, {"quantity": 1}]}
 * }</pre>
 *
 * <p>As strict as flat fields: an object field takes only a JSON object, an array field only a
 * JSON array, and a value of the wrong kind anywhere inside fails the record with a reason naming
 * its place: {@code customer.address.zip is a JSON number, not a string}, {@code lines[3].quantity
 * is not an integer}. Items are numbered from 0. Members an object field does not declare are
 * ignored, as at the top level.
 */
final class JsonValues {

  private JsonValues() {}

  /** The value of {@code field} in {@code member} (null or absent: a missing value). */
  static @Nullable Object read(Field field, @Nullable JsonNode member) throws FieldValueException {
    return read(field.getName(), field, member);
  }

  /** The value of {@code field}, which sits at {@code path}, in {@code node}. */
  private static @Nullable Object read(String path, Field field, @Nullable JsonNode node)
      throws FieldValueException {
    String jsonText = JsonText.kindOf(field);
    if (jsonText != null && node != null && !node.isNull()) {
      return text(path, jsonText, node);
    }
    return read(path, field.getType(), TemporalFormat.ofField(field), node);
  }

  /**
   * The compact JSON text of {@code node}, which must be an object or an array as {@code kind}
   * says ({@link JsonText}).
   */
  static String text(String path, String kind, JsonNode node) throws FieldValueException {
    boolean object = JsonText.OBJECT.equals(kind);
    expect(path, node, object ? node.isObject() : node.isArray(), object ? "an object" : "an array");
    return node.toString();
  }

  /**
   * The value of a field of {@code type} in {@code node}.
   *
   * @param path where the value sits, for reasons: {@code lines[3].quantity}
   * @param format how dates, times and timestamps are written here; null: strict ISO-8601
   */
  static @Nullable Object read(
      String path, FieldType type, @Nullable TemporalFormat format, @Nullable JsonNode node)
      throws FieldValueException {
    switch (type.getTypeName()) {
      case ROW:
        return node == null || node.isNull()
            ? FieldValues.parse(path, type, format, null)
            : row(path, type.getRowSchema(), expect(path, node, node.isObject(), "an object"));
      case ARRAY:
      case ITERABLE:
        return node == null || node.isNull()
            ? FieldValues.parse(path, type, format, null)
            : list(
                path,
                type.getCollectionElementType(),
                format,
                expect(path, node, node.isArray(), "an array"));
      default:
        return FieldValues.parse(path, type, format, JsonMembers.text(path, type, node));
    }
  }

  private static Row row(String path, Schema schema, JsonNode object) throws FieldValueException {
    Object[] values = new Object[schema.getFieldCount()];
    for (int i = 0; i < values.length; i++) {
      Field field = schema.getField(i);
      values[i] = read(path + "." + field.getName(), field, object.get(field.getName()));
    }
    return Row.withSchema(schema).attachValues(Arrays.asList(values));
  }

  private static List<@Nullable Object> list(
      String path, FieldType itemType, @Nullable TemporalFormat format, JsonNode array)
      throws FieldValueException {
    List<@Nullable Object> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(read(path + "[" + i + "]", itemType, format, array.get(i)));
    }
    return items;
  }

  private static JsonNode expect(String path, JsonNode node, boolean fits, String expected)
      throws FieldValueException {
    if (!fits) {
      throw new FieldValueException(
          "parse.json_type", path, path + " is " + JsonLine.kind(node) + ", not " + expected);
    }
    return node;
  }
}
