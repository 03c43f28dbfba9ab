package org.datamesh.core.failure;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code _source} field that carries a record's {@link SourcePosition} through the stages
 * after parsing, so that a record failing validation or standardization is still found by file and
 * record number. Parsing adds it when asked ({@code withSourcePositions()}); publication removes it.
 */
public final class SourceField {

  /** The field's name; a leading underscore keeps it apart from contract fields. */
  public static final String NAME = "_source";

  public static final FieldType TYPE = FieldType.row(FailureRows.SOURCE_SCHEMA).withNullable(true);

  private SourceField() {}

  /** {@code schema} with the source field appended. */
  public static Schema addTo(Schema schema) {
    if (schema.hasField(NAME)) {
      return schema;
    }
    return Schema.builder().addFields(schema.getFields()).addField(NAME, TYPE).build();
  }

  /**
   * {@code schema} without the source field when it is the last field (where parsing puts it),
   * else {@code schema} itself.
   */
  public static Schema removeTrailing(Schema schema) {
    int count = schema.getFieldCount();
    if (count == 0 || !schema.getField(count - 1).getName().equals(NAME)) {
      return schema;
    }
    return Schema.builder().addFields(schema.getFields().subList(0, count - 1)).build();
  }

  /** The field's value for {@code position}. */
  public static Row valueOf(SourcePosition position) {
    return FailureRows.sourceRow(position);
  }

  /** Where {@code row} came from, or null when it does not carry a source field. */
  public static @Nullable SourcePosition positionOf(Row row) {
    if (!row.getSchema().hasField(NAME)) {
      return null;
    }
    return FailureRows.sourcePosition(row.getRow(NAME));
  }
}
