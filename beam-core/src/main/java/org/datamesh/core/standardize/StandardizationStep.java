package org.datamesh.core.standardize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.record.CompiledStep;
import org.datamesh.core.record.RecordIssues;
import org.datamesh.core.record.RecordStep;

/**
 * Standardizers as a step of a product's record path, applied in order to the record's values;
 * the same step runs inside {@link Standardize}.
 *
 * <pre>{@code
 * StandardizationStep.of(
 *     Standardizers.upperCase("currency"),
 *     Standardizers.timestampUtc("order_ts"),
 *     Standardizers.currencyAmount("amount", "currency"));
 * }</pre>
 *
 * <p>Standardizers see the fields earlier ones produced, so an amount is scaled by the already
 * upper-cased currency. The output schema is the input schema with each standardized field's new
 * type; field order is kept.
 */
public final class StandardizationStep implements RecordStep {

  private final List<FieldStandardizer> standardizers;

  private StandardizationStep(List<FieldStandardizer> standardizers) {
    this.standardizers = List.copyOf(standardizers);
  }

  public static StandardizationStep of(FieldStandardizer... standardizers) {
    return of(List.of(standardizers));
  }

  public static StandardizationStep of(List<FieldStandardizer> standardizers) {
    if (standardizers.isEmpty()) {
      throw new IllegalArgumentException("give at least one standardizer");
    }
    return new StandardizationStep(standardizers);
  }

  public List<FieldStandardizer> standardizers() {
    return standardizers;
  }

  @Override
  public Stage stage() {
    return Stage.STANDARDIZE;
  }

  @Override
  public Schema outputSchema(Schema input) {
    List<Field> fields = new ArrayList<>(input.getFields());
    for (FieldStandardizer s : standardizers) {
      for (String read : s.reads()) {
        requireField(input, read);
      }
      int index = requireField(input, s.field());
      fields.set(index, fields.get(index).withType(s.outputType(fields.get(index).getType())));
    }
    return Schema.builder().addFields(fields).build();
  }

  private static int requireField(Schema schema, String name) {
    if (!schema.hasField(name)) {
      throw new IllegalArgumentException(
          "cannot standardize: the rows have no field " + name + " (fields: "
              + schema.getFieldNames() + ")");
    }
    return schema.indexOf(name);
  }

  @Override
  public CompiledStep compile(Schema input) {
    outputSchema(input);
    FieldStandardizer[] compiled = standardizers.toArray(new FieldStandardizer[0]);
    int[] fieldIndex = new int[compiled.length];
    Map<String, Integer> indexOfField = new HashMap<>();
    for (int i = 0; i < compiled.length; i++) {
      fieldIndex[i] = input.indexOf(compiled[i].field());
    }
    for (int f = 0; f < input.getFieldCount(); f++) {
      indexOfField.put(input.getField(f).getName(), f);
    }
    return (values, issues) -> standardize(compiled, fieldIndex, indexOfField, values, issues);
  }

  private static Object[] standardize(
      FieldStandardizer[] standardizers,
      int[] fieldIndex,
      Map<String, Integer> indexOfField,
      @Nullable Object[] values,
      RecordIssues issues) {
    FieldStandardizer.FieldLookup lookup = name -> values[indexOfField.get(name)];
    for (int i = 0; i < standardizers.length; i++) {
      try {
        values[fieldIndex[i]] = standardizers[i].apply(values[fieldIndex[i]], lookup);
      } catch (StandardizationException e) {
        issues.add(e.violation());
      }
    }
    return values;
  }

  @Override
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (FieldStandardizer s : standardizers) {
      lines.add(s.describe());
    }
    return lines;
  }
}
