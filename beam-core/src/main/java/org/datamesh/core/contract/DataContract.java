package org.datamesh.core.contract;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.product.DataProduct;

/**
 * An ODCS v3 data contract, loaded and checked: the one product it declares, its columns, keys,
 * output ports, service levels and quality rules. Immutable and serializable, so transforms can
 * carry it to workers.
 *
 * <pre>{@code
 * DataContract contract = ContractLoader.load(Path.of("contracts/sales-orders.odcs.yaml"));
 * contract.product();          // DataProduct sales.orders 1.0.0
 * contract.publishedSchema();  // Beam schema of the published rows
 * contract.primaryKey();       // [order_id]
 * contract.notices();          // what the contract says that is not enforced yet
 * }</pre>
 *
 * @param id the contract's {@code id}
 * @param version the contract's {@code version}, also the product's version
 * @param apiVersion the ODCS version the contract is written in, e.g. {@code v3.1.0}
 * @param status {@code active}, {@code draft}, ...
 * @param domain the owning domain: the product's folder in the output
 * @param productName {@code dataProduct} if given, else {@code name}
 * @param owner the team's name, or else the first team member whose role is owner; null if neither
 * @param description the {@code description}'s purpose and usage text, null if neither is given
 * @param objectName the name of the contract's one schema object
 * @param fields the object's properties in declared order
 * @param ports the output ports, from {@code servers}
 * @param serviceLevels retention, freshness and latency, from {@code slaProperties}
 * @param datasetQuality the object-level quality rules
 * @param logPattern the regular expression log lines are read with, from the object's custom
 *     property {@code logPattern}; null when the contract declares none
 * @param notices parts of the contract that were loaded but are not supported or enforced yet
 */
public record DataContract(
    String id,
    String version,
    String apiVersion,
    String status,
    String domain,
    String productName,
    @Nullable String owner,
    @Nullable String description,
    String objectName,
    List<ContractField> fields,
    List<OutputPort> ports,
    ServiceLevels serviceLevels,
    List<QualityRule> datasetQuality,
    @Nullable String logPattern,
    List<ContractProblem> notices)
    implements Serializable {

  public DataContract {
    fields = List.copyOf(fields);
    ports = List.copyOf(ports);
    datasetQuality = List.copyOf(datasetQuality);
    notices = List.copyOf(notices);
  }

  /** The product this contract declares: {@code domain.productName} at {@code version}. */
  public DataProduct product() {
    return DataProduct.of(domain, productName, version);
  }

  /** The field called {@code name}, or null. */
  public @Nullable ContractField field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  /** Primary key fields by {@code primaryKeyPosition}; those without one follow in declared order. */
  /**
   * The object's custom property holding the regular expression log lines are read with; its
   * named groups, {@code (?<column>...)}, are the columns.
   */
  public static final String LOG_PATTERN_PROPERTY = "logPattern";

  /** The custom property naming the column that decides which of a key's records is kept. */
  public static final String DEDUPLICATE_PROPERTY = "deduplicate";

  /**
   * The column whose greatest value wins among records sharing the primary key: the one marked
   * {@code customProperties: [{property: deduplicate, value: latest}]}; null when none is, and
   * then the record read last wins.
   */
  public @Nullable String latestBy() {
    for (ContractField field : fields) {
      if ("latest".equals(field.customProperties().get(DEDUPLICATE_PROPERTY))) {
        return field.name();
      }
    }
    return null;
  }

  public List<String> primaryKey() {
    return keys(ContractField::primaryKey, ContractField::primaryKeyPosition);
  }

  /** Partition fields by {@code partitionKeyPosition}; those without one follow in declared order. */
  public List<String> partitionKeys() {
    return keys(ContractField::partitioned, ContractField::partitionKeyPosition);
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
