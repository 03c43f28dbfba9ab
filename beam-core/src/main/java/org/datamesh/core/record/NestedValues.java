package org.datamesh.core.record;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Violation;

/**
 * Nested rows and lists given the published types, for {@link ConformToSchema}: while a record
 * is read and checked every value inside an object or array is nullable; published, a required
 * one is not, and a value still missing is reported where it sits.
 *
 * <pre>{@code
 * // ROW(zip STRING) -> ROW(zip STRING NOT NULL); a null zip in lines[2]:
 * //   lines[].zip.required  (field lines[2].zip)
 * }</pre>
 */
final class NestedValues {

  private NestedValues() {}

  /** Whether {@code type} holds rows or arrays, which {@link #conform} rebuilds. */
  static boolean isNested(FieldType type) {
    switch (type.getTypeName()) {
      case ROW:
      case ARRAY:
      case ITERABLE:
        return true;
      default:
        return false;
    }
  }

  /** Whether two types are the same but for nullability and field options, at every depth. */
  static boolean sameShape(FieldType a, FieldType b) {
    if (a.getTypeName() != b.getTypeName()) {
      return false;
    }
    switch (a.getTypeName()) {
      case ROW:
        Schema x = a.getRowSchema();
        Schema y = b.getRowSchema();
        if (!x.getFieldNames().equals(y.getFieldNames())) {
          return false;
        }
        for (int i = 0; i < x.getFieldCount(); i++) {
          if (!sameShape(x.getField(i).getType(), y.getField(i).getType())) {
            return false;
          }
        }
        return true;
      case ARRAY:
      case ITERABLE:
        return sameShape(a.getCollectionElementType(), b.getCollectionElementType());
      case LOGICAL_TYPE:
        return sameLogicalType(a, b);
      default:
        return a.withNullable(false).equals(b.withNullable(false));
    }
  }

  /**
   * Logical types compared by what they mean (identifier, and precision and scale of a fixed
   * decimal) rather than by {@code FieldType.equals}: a Flink cluster's TaskManager found a fixed
   * decimal of the contract's schema, deserialized there, unequal to the same decimal made there
   * by the currency standardizer.
   */
  private static boolean sameLogicalType(FieldType a, FieldType b) {
    if (!a.getLogicalType().getIdentifier().equals(b.getLogicalType().getIdentifier())) {
      return false;
    }
    if (org.datamesh.core.DataTypes.isFixedDecimal(a)) {
      return org.datamesh.core.DataTypes.isFixedDecimal(b)
          && org.datamesh.core.DataTypes.precision(a) == org.datamesh.core.DataTypes.precision(b)
          && org.datamesh.core.DataTypes.scale(a) == org.datamesh.core.DataTypes.scale(b);
    }
    return a.withNullable(false).equals(b.withNullable(false))
        || sameShape(a.getLogicalType().getBaseType(), b.getLogicalType().getBaseType());
  }

  /**
   * {@code value} with the published {@code type}.
   *
   * @param idPath the structural path, for rule ids: {@code lines[].zip}
   * @param path the value's place, for the violation's field: {@code lines[2].zip}
   */
  static @Nullable Object conform(
      String idPath, String path, FieldType type, @Nullable Object value, RecordIssues issues) {
    if (value == null) {
      return null;
    }
    switch (type.getTypeName()) {
      case ROW:
        Schema schema = type.getRowSchema();
        Row row = (Row) value;
        List<@Nullable Object> values = new ArrayList<>(schema.getFieldCount());
        for (int i = 0; i < schema.getFieldCount(); i++) {
          Schema.Field field = schema.getField(i);
          values.add(
              present(
                  idPath + "." + field.getName(),
                  path + "." + field.getName(),
                  field.getType(),
                  row.getValue(i),
                  issues));
        }
        return Row.withSchema(schema).attachValues(values);
      case ARRAY:
      case ITERABLE:
        FieldType itemType = type.getCollectionElementType();
        List<@Nullable Object> items = new ArrayList<>();
        int index = 0;
        for (Object item : (Iterable<?>) value) {
          items.add(present(idPath + "[]", path + "[" + index++ + "]", itemType, item, issues));
        }
        return items;
      default:
        return value;
    }
  }

  private static @Nullable Object present(
      String idPath, String path, FieldType type, @Nullable Object value, RecordIssues issues) {
    if (value == null && !type.getNullable()) {
      issues.add(Violation.error(idPath + ".required", path, path + " is required but has no value"));
      return null;
    }
    return conform(idPath, path, type, value, issues);
  }
}
