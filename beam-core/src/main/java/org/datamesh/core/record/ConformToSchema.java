package org.datamesh.core.record;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;

/**
 * The last step of a contract's record path: gives the rows the schema the product publishes
 * (the contract's), which differs from the working schema only in nullability (at any depth:
 * nested rows are rebuilt with the published nested schemas) and field options. A column the
 * contract requires is nullable while records are read and checked, so that a missing value is
 * reported by validation with the record's other problems; here it becomes non-nullable, and a
 * record still missing it (a standardizer that returned nothing) fails at PUBLISH.
 *
 * <pre>{@code
 * RecordPath.of(standardization, validation, ConformToSchema.to(contract.publishedSchema()));
 * }</pre>
 */
public final class ConformToSchema implements RecordStep {

  private final Schema target;

  private ConformToSchema(Schema target) {
    this.target = target;
  }

  public static ConformToSchema to(Schema target) {
    return new ConformToSchema(target);
  }

  @Override
  public Stage stage() {
    return Stage.PUBLISH;
  }

  @Override
  public Schema outputSchema(Schema input) {
    List<String> problems = new ArrayList<>();
    if (!input.getFieldNames().equals(target.getFieldNames())) {
      problems.add("columns " + input.getFieldNames() + " against " + target.getFieldNames());
    } else {
      for (int i = 0; i < target.getFieldCount(); i++) {
        Field have = input.getField(i);
        Field want = target.getField(i);
        if (!NestedValues.sameShape(have.getType(), want.getType())) {
          problems.add(want.getName() + " is " + have.getType() + ", not " + want.getType());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "the records do not have the published schema: " + String.join("; ", problems));
    }
    return target;
  }

  @Override
  public CompiledStep compile(Schema input) {
    outputSchema(input);
    List<Integer> required = new ArrayList<>();
    for (int i = 0; i < target.getFieldCount(); i++) {
      if (!target.getField(i).getType().getNullable()) {
        required.add(i);
      }
    }
    List<Integer> nestedColumns = new ArrayList<>();
    for (int i = 0; i < target.getFieldCount(); i++) {
      if (NestedValues.isNested(target.getField(i).getType())) {
        nestedColumns.add(i);
      }
    }
    int[] indices = required.stream().mapToInt(Integer::intValue).toArray();
    int[] nested = nestedColumns.stream().mapToInt(Integer::intValue).toArray();
    return (values, issues) -> {
      for (int index : indices) {
        if (values[index] == null) {
          String name = target.getField(index).getName();
          issues.add(
              Violation.error(name + ".required", name, name + " is required but has no value"));
        }
      }
      for (int index : nested) {
        Field field = target.getField(index);
        values[index] =
            NestedValues.conform(
                field.getName(), field.getName(), field.getType(), values[index], issues);
      }
      return values;
    };
  }

  @Override
  public List<String> describe() {
    return List.of("rows take the published schema");
  }
}
