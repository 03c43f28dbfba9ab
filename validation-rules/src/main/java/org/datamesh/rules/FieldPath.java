package org.datamesh.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
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

  /** The step into an array's items, as a path is written: {@code lines[].sku}. */
  public static final String ITEMS = "[]";

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

  /**
   * The path written as {@link #toString} writes it: {@code customer.address.zip}, {@code
   * lines[].quantity}, {@code tags[]}. A top-level column whose name holds a dot is not a path:
   * look it up in the schema first.
   */
  public static FieldPath parse(String text) {
    List<String> steps = new ArrayList<>();
    for (String part : text.split("\\.", -1)) {
      String name = part;
      int items = 0;
      while (name.endsWith(ITEMS)) {
        name = name.substring(0, name.length() - ITEMS.length());
        items++;
      }
      if (name.isEmpty() || name.contains("[") || name.contains("]")) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a path: names joined by dots, [] after an array's name");
      }
      steps.add(name);
      for (int i = 0; i < items; i++) {
        steps.add(ITEMS);
      }
    }
    return new FieldPath(steps);
  }

  /** Whether the path goes into an array's items, so a record may hold any number of values. */
  public boolean throughItems() {
    return steps.contains(ITEMS);
  }

  /**
   * Gives {@code action} every value at this path in {@code row}: through nested rows exactly
   * one, null below a missing row (as SQL reads {@code customer.address.zip}); through arrays one
   * per item, none below a missing array.
   */
  public void forEachValue(Row row, Consumer<@Nullable Object> action) {
    walk(row.getValue(steps.get(0)), 1, action);
  }

  private void walk(@Nullable Object value, int step, Consumer<@Nullable Object> action) {
    if (step == steps.size()) {
      action.accept(value);
      return;
    }
    String next = steps.get(step);
    if (next.equals(ITEMS)) {
      if (value != null) {
        for (Object item : (Iterable<?>) value) {
          walk(item, step + 1, action);
        }
      }
    } else {
      walk(value == null ? null : ((Row) value).getValue(next), step + 1, action);
    }
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
  public FieldType typeIn(Schema schema) {
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
