package org.datamesh.core.contract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.TemporalFormat;

/**
 * One property of the contract's schema object: a column of the published product.
 *
 * <pre>{@code
 * ContractField amount = contract.field("amount");
 * amount.logicalType();   // NUMBER
 * amount.beamType();      // DataTypes.decimal(18, 4), from physicalType decimal(18,4)
 * amount.minimum();       // 0
 * }</pre>
 *
 * @param name the property's name, the column name
 * @param description what the property means, if given
 * @param logicalType its ODCS logical type (inferred from an obvious SQL physical type if absent)
 * @param physicalType its ODCS physical type, if given
 * @param beamType the Beam type of the published column, without nullability (the mapping is
 *     in docs/contracts.md)
 * @param required whether every published row has a value
 * @param unique whether values are unique across the product
 * @param primaryKey whether the property is part of the primary key
 * @param primaryKeyPosition its 1-based position in the key, -1 when not given
 * @param partitioned whether the product is partitioned by it
 * @param partitionKeyPosition its 1-based position among partition keys, -1 when not given
 * @param classification {@code public}, {@code restricted}, ... if given
 * @param customProperties the property's custom properties, values as text, in declared order
 * @param typeOptions its {@code logicalTypeOptions}
 * @param quality the quality rules declared on this property
 * @param properties an {@code object}'s nested properties, in declared order (empty otherwise);
 *     {@link #beamType} is then a row of them
 * @param items an {@code array}'s items (null otherwise): a field named {@code name + "[]"};
 *     {@link #beamType} is then an array of its type
 * @param sources where its values come from ({@code transformSourceObjects} and the other
 *     {@code transform*} keys): {@link ColumnSources#NONE} when not declared
 */
public record ContractField(
    String name,
    @Nullable String description,
    LogicalType logicalType,
    @Nullable String physicalType,
    FieldType beamType,
    boolean required,
    boolean unique,
    boolean primaryKey,
    int primaryKeyPosition,
    boolean partitioned,
    int partitionKeyPosition,
    @Nullable String classification,
    Map<String, String> customProperties,
    TypeOptions typeOptions,
    List<QualityRule> quality,
    List<ContractField> properties,
    @Nullable ContractField items,
    ColumnSources sources)
    implements Serializable {

  public ContractField {
    customProperties = Collections.unmodifiableMap(new LinkedHashMap<>(customProperties));
    quality = List.copyOf(quality);
    properties = List.copyOf(properties);
  }

  /** The nested property called {@code name} of an object, or null. */
  public @Nullable ContractField property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * Whether the property is an {@code object} without {@code properties} or an {@code array}
   * without {@code items}: a value whose shape the contract leaves open, published as its JSON
   * text (a STRING column), checked only to be an object or an array.
   */
  public boolean jsonText() {
    return (logicalType == LogicalType.OBJECT && properties.isEmpty())
        || (logicalType == LogicalType.ARRAY && items == null);
  }

  /**
   * How values of a date, time or timestamp are written: the declared {@code format}, else
   * ISO-8601; timestamps without an offset in {@code defaultTimezone}, else UTC.
   */
  public TemporalFormat temporalFormat() {
    return TemporalFormat.of(typeOptions.format(), typeOptions.defaultTimezone());
  }

  public @Nullable String pattern() {
    return typeOptions.pattern();
  }

  public @Nullable String format() {
    return typeOptions.format();
  }

  public @Nullable Integer minLength() {
    return typeOptions.minLength();
  }

  public @Nullable Integer maxLength() {
    return typeOptions.maxLength();
  }

  public @Nullable BigDecimal minimum() {
    return typeOptions.minimum();
  }

  public @Nullable BigDecimal maximum() {
    return typeOptions.maximum();
  }

  public @Nullable BigDecimal exclusiveMinimum() {
    return typeOptions.exclusiveMinimum();
  }

  public @Nullable BigDecimal exclusiveMaximum() {
    return typeOptions.exclusiveMaximum();
  }
}
