package org.datamesh.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a value sits inside a record: a column, then fields of nested rows and the items of
 * arrays. Written {@code customer.address.zip}, {@code lines[].quantity}, {@code tags[]}.
 *
 * <pre>{@code
 * FieldPath zip = FieldPath.column("customer").field("address").field("zip");
 * Rule rule = Rules.matches("zip", "\\d{5}").at(zip);   // id customer.address.zip.pattern
 * FieldPath quantity = FieldPath.column("lines").items().field("quantity");   // lines[].quantity
 * }</pre>
 *
 * <p>A rule at a path is checked on every value found there: in each item of each array on the
 * way, and not at all below a missing row or array (a missing {@code customer} has no zip to
 * check; {@code customer}'s own rules say whether it may be missing).
 */
public final class FieldPath implements Serializable {

  /** The step into an array's items. */
  static final String ITEMS = "[]";

  private final List<String> steps;

  private FieldPath(List<String> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The path of a top-level column. */
  public static FieldPath column(String name) {
    return new FieldPath(List.of(name));
  }

  /** Returns this path extended into the field {@code name} of the row found here. */
  public FieldPath field(String name) {
    List<String> next = new ArrayList<>(steps);
    next.add(name);
    return new FieldPath(next);
  }

  /** Returns this path extended into each item of the array found here. */
  public FieldPath items() {
    List<String> next = new ArrayList<>(steps);
    next.add(ITEMS);
    return new FieldPath(next);
  }

  /** The top-level column the path starts at. */
  public String column() {
    return steps.get(0);
  }

  /** Whether the path goes no further than its column. */
  public boolean isColumn() {
    return steps.size() == 1;
  }

  List<String> steps() {
    return steps;
  }

  /** The type found at this path in rows of {@code schema}; throws when there is no such place. */
  FieldType typeIn(Schema schema) {
    if (!schema.hasField(column())) {
      throw new IllegalArgumentException(
          "the rows have no column " + column() + " (fields: " + schema.getFieldNames() + ")");
    }
    FieldType type = schema.getField(column()).getType();
    for (String step : steps.subList(1, steps.size())) {
      type = step(type, step);
    }
    return type;
  }

  private @Nullable FieldType step(FieldType type, String step) {
    switch (type.getTypeName()) {
      case ROW:
        if (!step.equals(ITEMS) && type.getRowSchema().hasField(step)) {
          return type.getRowSchema().getField(step).getType();
        }
        break;
      case ARRAY:
      case ITERABLE:
        if (step.equals(ITEMS)) {
          return type.getCollectionElementType();
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(this + " does not lead anywhere in rows of type " + type);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(steps.get(0));
    for (String step : steps.subList(1, steps.size())) {
      text.append(step.equals(ITEMS) ? "" : ".").append(step);
    }
    return text.toString();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FieldPath that && steps.equals(that.steps);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }
}
