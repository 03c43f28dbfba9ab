package org.datamesh.core.contract;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One schema object of a contract: a table of the product, with its own input, columns, rules,
 * primary key and Parquet files.
 *
 * <pre>{@code
 * DataContract contract = ContractLoader.load(Path.of("sales.odcs.yaml"));
 * ContractTable lines = contract.table("order_lines");
 * lines.folder();            // "order_lines": its folder under runs/<run-id>/
 * lines.publishedSchema();   // Beam schema of its published rows
 * lines.primaryKey();        // [order_id, line_no]
 * }</pre>
 *
 * @param name the object's {@code name} as the contract writes it
 * @param folder the folder-safe form of the name, unique within the product: the table's folder
 *     in every run, and its name in the manifest and on the command line
 * @param path where the object is in the contract, such as {@code schema[1]}
 * @param physicalName the object's {@code physicalName}, if given
 * @param description the object's {@code description}, if given
 * @param fields the object's properties in declared order
 * @param datasetQuality the object-level quality rules
 * @param logPattern the regular expression log lines are read with, from the object's custom
 *     property {@code logPattern}; null when none is declared
 * @param indirectSources the object's custom property {@code indirectSources}: the columns of
 *     other products it joins, groups, filters or sorts by ({@link IndirectSources}), as written
 */
public record ContractTable(
    String name,
    String folder,
    String path,
    @Nullable String physicalName,
    @Nullable String description,
    List<ContractField> fields,
    List<QualityRule> datasetQuality,
    @Nullable String logPattern,
    List<String> indirectSources)
    implements Serializable {

  public ContractTable {
    fields = List.copyOf(fields);
    indirectSources = List.copyOf(indirectSources);
    datasetQuality = List.copyOf(datasetQuality);
  }

  /** The field called {@code name}, or null. */
  public @Nullable ContractField field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  /** Whether a run can publish this table: it declares at least one column. */
  public boolean publishable() {
    return !fields.isEmpty();
  }

  /**
   * The column whose greatest value wins among records sharing the primary key: the one marked
   * {@code customProperties: [{property: deduplicate, value: latest}]}; null when none is, and
   * then the record read last wins.
   */
  public @Nullable String latestBy() {
    for (ContractField field : fields) {
      if ("latest".equals(field.customProperties().get(DataContract.DEDUPLICATE_PROPERTY))) {
        return field.name();
      }
    }
    return null;
  }

  /**
   * The Kafka topic this table is published to on a {@code kafka} server: its {@code
   * physicalName}, else (none or blank) its name.
   */
  public String topic() {
    return physicalName == null || physicalName.isBlank() ? name : physicalName;
  }

  /** Primary key fields by {@code primaryKeyPosition}; those without one follow in declared order. */
  public List<String> primaryKey() {
    return keys(ContractField::primaryKey, ContractField::primaryKeyPosition);
  }

  /** Partition fields by {@code partitionKeyPosition}; those without one follow in declared order. */
  public List<String> partitionKeys() {
    return keys(ContractField::partitioned, ContractField::partitionKeyPosition);
  }

  /**
   * The schema of this table's rows before they are checked: the published types, every column
   * (and every value inside an object or array) nullable, so a missing required value is reported
   * by validation rather than refused by a row builder. Rows a pipeline computes (a
   * consumer-aligned product) enter the record path with it.
   */
  public Schema uncheckedSchema() {
    Schema.Builder schema = Schema.builder();
    for (ContractField field : fields) {
      schema.addField(RawTypes.field(field));
    }
    return schema.build();
  }

  /**
   * The Beam schema of the published rows: one field per property, in declared order, nullable
   * unless {@code required: true}, with the property's description.
   */
  public Schema publishedSchema() {
    Schema.Builder schema = Schema.builder();
    for (ContractField field : fields) {
      Schema.Field column =
          Schema.Field.of(field.name(), field.beamType()).withNullable(!field.required());
      if (field.description() != null) {
        column = column.withDescription(field.description());
      }
      schema.addField(column);
    }
    return schema.build();
  }

  private List<String> keys(Predicate<ContractField> member, ToIntFunction<ContractField> position) {
    // A stable sort keeps the declared order among equal (or missing) positions.
    return fields.stream()
        .filter(member)
        .sorted(Comparator.comparingInt(f -> unpositionedLast(position.applyAsInt(f))))
        .map(ContractField::name)
        .toList();
  }

  private static int unpositionedLast(int position) {
    return position < 0 ? Integer.MAX_VALUE : position;
  }
}
