package org.datamesh.rules;

import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A Java predicate over the whole record, for what neither the catalogue nor CEL says well. The
 * predicate sees the record as a {@link Row} of the step's input schema (its values wrapped, not
 * copied). A predicate that throws breaks the rule; the reason names the exception's class,
 * never its message (which may quote a value).
 */
final class PredicateCheck implements RecordCheck {

  private final SerializableFunction<Row, Boolean> predicate;
  private final String description;
  private final List<String> fields;

  PredicateCheck(
      SerializableFunction<Row, Boolean> predicate, String description, List<String> fields) {
    if (predicate == null) {
      throw new IllegalArgumentException("a predicate rule needs a predicate");
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException(
          "a predicate rule needs a description: it is the expectation its failures state");
    }
    this.predicate = predicate;
    this.description = description;
    this.fields = List.copyOf(fields);
  }

  @Override
  public String kind() {
    return "predicate";
  }

  @Override
  public List<String> fields() {
    return fields;
  }

  @Override
  public void checkApplicable(Schema schema) {
    for (String field : fields) {
      if (!schema.hasField(field)) {
        throw new IllegalArgumentException(
            "the predicate reads " + field + ", which the rows do not have (fields: "
                + schema.getFieldNames() + ")");
      }
    }
  }

  @Override
  public Compiled compile(Schema schema) {
    checkApplicable(schema);
    return values -> violation(Row.withSchema(schema).attachValues(Arrays.asList(values)));
  }

  private @Nullable String violation(Row row) {
    try {
      return Boolean.TRUE.equals(predicate.apply(row)) ? null : "must " + describe();
    } catch (RuntimeException e) {
      return "could not evaluate the predicate that it must " + description + " ("
          + e.getClass().getSimpleName() + ")";
    }
  }

  @Override
  public String describe() {
    return description;
  }
}
