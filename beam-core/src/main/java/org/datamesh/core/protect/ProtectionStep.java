package org.datamesh.core.protect;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.record.CompiledStep;
import org.datamesh.core.record.RecordStep;

/**
 * The last step of a product's record path: protects its classified columns, so that no clear
 * value of them leaves the record path (deduplication, files, counts and failures all see the
 * protected value).
 *
 * <pre>{@code
 * ProductSpec spec =
 *     ProductSpec.of(product)
 *         .readingFrom(RecordFormat.csv(schema))
 *         .protectedBy(ProtectionStep.of(keys,
 *             FieldProtection.tokenize("customer_id"), FieldProtection.encrypt("email")));
 * }</pre>
 *
 * <p>Tokenized, encrypted, hashed and masked columns are published as text (a protected value
 * names what made it, see {@link ProtectedText}); generalized columns keep their type; dropped
 * columns leave the schema. A null stays null. A value that cannot be protected fails its
 * record at PROTECT, naming the column and never its value.
 */
public final class ProtectionStep implements RecordStep {

  private static final long serialVersionUID = 1L;

  private final DataKeys keys;
  private final List<FieldProtection> protections;

  private ProtectionStep(DataKeys keys, List<FieldProtection> protections) {
    this.keys = keys;
    this.protections = List.copyOf(protections);
  }

  public static ProtectionStep of(DataKeys keys, FieldProtection... protections) {
    return of(keys, List.of(protections));
  }

  public static ProtectionStep of(DataKeys keys, List<FieldProtection> protections) {
    Map<String, FieldProtection> byField = new LinkedHashMap<>();
    for (FieldProtection protection : protections) {
      if (byField.put(protection.field(), protection) != null) {
        throw new IllegalArgumentException(protection.field() + " is protected twice");
      }
    }
    return new ProtectionStep(keys, protections);
  }

  /** The keys of this step: the product's quarantine is protected with them too. */
  public DataKeys keys() {
    return keys;
  }

  public List<FieldProtection> protections() {
    return protections;
  }

  @Override
  public Stage stage() {
    return Stage.PROTECT;
  }

  @Override
  public Schema outputSchema(Schema input) {
    return protectedSchema(input, protections);
  }

  /**
   * The schema of rows of {@code input} once {@code protections} are applied, as {@link
   * #outputSchema} gives it: for a summary of what a product publishes, which needs no keys.
   */
  public static Schema protectedSchema(Schema input, List<FieldProtection> protections) {
    Map<String, FieldProtection> byField = byField(protections);
    for (String field : byField.keySet()) {
      if (!input.hasField(field)) {
        throw new IllegalArgumentException(
            "protection names " + field + ", which the records do not have (fields: "
                + input.getFieldNames() + ")");
      }
    }
    Schema.Builder output = Schema.builder();
    for (Field field : input.getFields()) {
      FieldProtection protection = byField.get(field.getName());
      if (protection == null) {
        output.addField(field);
      } else if (protection.method() != ProtectionMethod.DROP) {
        output.addField(protectedField(field, protection));
      }
    }
    return output.build();
  }

  private static Field protectedField(Field field, FieldProtection protection) {
    FieldType type = field.getType();
    if (protection.method() != ProtectionMethod.GENERALIZE) {
      return Field.of(field.getName(), FieldType.STRING.withNullable(type.getNullable()))
          .withDescription(field.getDescription());
    }
    boolean temporal = isDate(type) || DataTypes.isTimestamp(type);
    boolean numeric = type.getTypeName().isNumericType() || isDecimal(type);
    if (protection.granularity() != null && !temporal) {
      throw new IllegalArgumentException(
          field.getName() + ": generalize(month|year) applies to dates and timestamps, not " + type);
    }
    if (protection.band() != null && !numeric) {
      throw new IllegalArgumentException(
          field.getName() + ": generalize(<band width>) applies to numbers, not " + type);
    }
    if (protection.band() != null
        && !isDecimal(type)
        && type.getTypeName() != TypeName.DOUBLE
        && type.getTypeName() != TypeName.FLOAT
        && protection.band().stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          field.getName() + ": an integer column's band width must be a whole number");
    }
    return field;
  }

  private static boolean isDate(FieldType type) {
    return type.getTypeName() == TypeName.LOGICAL_TYPE
        && type.getLogicalType().getIdentifier().equals(
            org.apache.beam.sdk.schemas.logicaltypes.SqlTypes.DATE.getIdentifier());
  }

  private static boolean isDecimal(FieldType type) {
    return type.getTypeName() == TypeName.DECIMAL
        || (type.getTypeName() == TypeName.LOGICAL_TYPE
            && type.getLogicalType().getBaseType().getTypeName() == TypeName.DECIMAL);
  }

  @Override
  public CompiledStep compile(Schema input) {
    Schema output = outputSchema(input);
    Map<String, FieldProtection> byField = byField(protections);
    int[] source = new int[output.getFieldCount()];
    ValueProtector[] protectors = new ValueProtector[output.getFieldCount()];
    String[] names = new String[output.getFieldCount()];
    for (int i = 0; i < output.getFieldCount(); i++) {
      String name = output.getField(i).getName();
      source[i] = input.indexOf(name);
      names[i] = name;
      FieldProtection protection = byField.get(name);
      if (protection != null) {
        protectors[i] = ValueProtector.of(protection, input.getField(name).getType(), keys);
      }
    }
    boolean sameShape = output.getFieldCount() == input.getFieldCount();
    return (values, issues) -> {
      Object[] out = sameShape ? values : new Object[source.length];
      for (int i = 0; i < source.length; i++) {
        Object value = values[source[i]];
        if (protectors[i] != null && value != null) {
          try {
            value = protectors[i].protect(value);
          } catch (GeneralSecurityException | RuntimeException e) {
            issues.add(
                Violation.error(
                    names[i] + ".protect",
                    names[i],
                    names[i] + " could not be protected (" + e.getClass().getSimpleName() + ")"));
            value = null;
          }
        }
        out[i] = value;
      }
      return out;
    };
  }

  @Override
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (FieldProtection protection : protections) {
      lines.add(protection.field() + " " + protection.describe());
    }
    return lines;
  }

  private static Map<String, FieldProtection> byField(List<FieldProtection> protections) {
    Map<String, FieldProtection> byField = new LinkedHashMap<>();
    for (FieldProtection protection : protections) {
      byField.put(protection.field(), protection);
    }
    return byField;
  }
}
