package org.datamesh.core.contract;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.product.DataProduct;

/**
 * An ODCS v3 data contract, loaded and checked: the one product it declares, its tables (one per
 * schema object), output ports, service levels and relationships. Immutable and serializable, so
 * transforms can carry it to workers.
 *
 * <pre>{@code
 * DataContract contract = ContractLoader.load(Path.of("contracts/sales-orders.odcs.yaml"));
 * contract.product();                      // DataProduct sales.orders 1.0.0
 * contract.tables();                       // [orders, order_lines]
 * contract.table("orders").primaryKey();   // [order_id]
 * contract.notices();                      // what the contract says that is not enforced yet
 * }</pre>
 *
 * <p>Most products have one table; for them {@link #fields()}, {@link #publishedSchema()}, {@link
 * #primaryKey()} and the other single-table accessors read that table directly.
 *
 * @param id the contract's {@code id}
 * @param version the contract's {@code version}, also the product's version
 * @param apiVersion the ODCS version the contract is written in, e.g. {@code v3.1.0}
 * @param status {@code active}, {@code draft}, ...
 * @param domain the owning domain: the product's folder in the output; the folder-safe form of
 *     the contract's {@code domain}, or {@link #DEFAULT_DOMAIN} when it declares none
 * @param domainDeclared whether the contract declares a domain (else {@link #withDomain} may set
 *     one)
 * @param productName the folder-safe form of {@code dataProduct}, else of {@code name}, else of
 *     {@code id}
 * @param owner the team's name, or else the first team member whose role is owner; null if neither
 * @param description the {@code description}'s purpose and usage text, null if neither is given
 * @param tables one per schema object, in declared order; empty when the contract declares none
 * @param ports the output ports, from {@code servers}
 * @param serviceLevels retention, freshness and latency, from {@code slaProperties}
 * @param relationships foreign keys between the contract's tables ({@code relationships})
 * @param roles the roles consumers read the product as, with what each reads ({@link ContractRole})
 * @param builtFrom the products this one is built from, as {@code domain/product}, from the
 *     top-level custom property {@code builtFrom}; empty for a source-aligned product
 * @param notices parts of the contract that were loaded but are not supported or enforced yet
 */
public record DataContract(
    String id,
    String version,
    String apiVersion,
    String status,
    String domain,
    boolean domainDeclared,
    String productName,
    @Nullable String owner,
    @Nullable String description,
    List<ContractTable> tables,
    List<OutputPort> ports,
    ServiceLevels serviceLevels,
    List<ContractRelationship> relationships,
    List<ContractRole> roles,
    List<String> builtFrom,
    List<ContractProblem> notices)
    implements Serializable {

  /** The domain of a contract that declares none. */
  public static final String DEFAULT_DOMAIN = "default";

  /**
   * The object's custom property holding the regular expression log lines are read with; its
   * named groups, {@code (?<column>...)}, are the columns.
   */
  public static final String LOG_PATTERN_PROPERTY = "logPattern";

  /** The top-level custom property listing the products a product is built from. */
  public static final String BUILT_FROM_PROPERTY = "builtFrom";

  /** The custom property naming the column that decides which of a key's records is kept. */
  public static final String DEDUPLICATE_PROPERTY = "deduplicate";

  public DataContract {
    tables = List.copyOf(tables);
    ports = List.copyOf(ports);
    relationships = List.copyOf(relationships);
    roles = List.copyOf(roles);
    builtFrom = List.copyOf(builtFrom);
    notices = List.copyOf(notices);
  }

  /** The product this contract declares: {@code domain.productName} at {@code version}. */
  public DataProduct product() {
    return DataProduct.of(domain, productName, version);
  }

  /**
   * Returns this contract published under {@code domain} instead of {@link #DEFAULT_DOMAIN}; only
   * for a contract that declares no domain of its own (its folder-safe form is used).
   */
  public DataContract withDomain(String domain) {
    if (domainDeclared) {
      throw new IllegalStateException(
          "the contract declares its domain, " + this.domain + "; it cannot be replaced");
    }
    return new DataContract(
        id, version, apiVersion, status, PathSegments.slug(domain, "d"), true, productName, owner,
        description, tables, ports, serviceLevels, relationships, roles, builtFrom, notices);
  }

  /** The role called {@code name}; throws, listing the contract's roles, when there is none. */
  public ContractRole role(String name) {
    return roles.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    product().id() + " has no role " + name + "; its roles: "
                        + roles.stream().map(ContractRole::name).toList()));
  }

  /** The table whose name or folder is {@code name}; throws when there is none. */
  public ContractTable table(String name) {
    return tables.stream()
        .filter(t -> t.folder().equals(name) || t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    product().id() + " has no table " + name + "; its tables: "
                        + tables.stream().map(ContractTable::folder).toList()));
  }

  /** The contract's one table; throws when it declares none or several. */
  public ContractTable onlyTable() {
    if (tables.size() != 1) {
      throw new IllegalStateException(
          product().id() + " has " + tables.size() + " tables "
              + tables.stream().map(ContractTable::folder).toList()
              + "; name the one you mean with table(name)");
    }
    return tables.get(0);
  }

  /** The one table's object name. */
  public String objectName() {
    return onlyTable().name();
  }

  /** The one table's properties in declared order. */
  public List<ContractField> fields() {
    return onlyTable().fields();
  }

  /** The one table's object-level quality rules. */
  public List<QualityRule> datasetQuality() {
    return onlyTable().datasetQuality();
  }

  /** The one table's log pattern, null when it declares none. */
  public @Nullable String logPattern() {
    return onlyTable().logPattern();
  }

  /** The one table's field called {@code name}, or null. */
  public @Nullable ContractField field(String name) {
    return onlyTable().field(name);
  }

  /** The one table's {@link ContractTable#latestBy()}. */
  public @Nullable String latestBy() {
    return onlyTable().latestBy();
  }

  /** The one table's {@link ContractTable#primaryKey()}. */
  public List<String> primaryKey() {
    return onlyTable().primaryKey();
  }

  /** The one table's {@link ContractTable#partitionKeys()}. */
  public List<String> partitionKeys() {
    return onlyTable().partitionKeys();
  }

  /** The one table's {@link ContractTable#publishedSchema()}. */
  public Schema publishedSchema() {
    return onlyTable().publishedSchema();
  }
}
