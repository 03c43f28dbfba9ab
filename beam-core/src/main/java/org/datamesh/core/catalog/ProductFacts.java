package org.datamesh.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ColumnSources;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractProtection;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.ServiceLevels;
import org.datamesh.core.protect.FieldProtection;

/**
 * The facts of a product's contract that the catalog, the lineage events and the SLA check need
 * and the manifest does not hold: owner, description, each column's classification and
 * protection, and the service levels. Written as {@code _product.json} beside the manifest after a
 * run published, so that the catalog and {@code sla} know every product under an output, not only
 * the one just run. Holds no value of any record and no key.
 *
 * <pre>{@code
 * ProductFacts facts = ProductFacts.of(contract);
 * facts.write(productDirectory);                       // <product>/_product.json
 * ProductFacts.readIfPresent(productDirectory);        // Optional[...]
 * facts.table("orders").field("email").protection();   // "tokenize"
 * }</pre>
 *
 * @param product the product id, {@code domain.name}
 * @param contractId the contract's {@code id}
 * @param version the contract's version
 * @param status the contract's status
 * @param owner the owning team, or the owner among its members; null when the contract names none
 * @param description the contract's purpose and usage text; null if none
 * @param tables each table with its columns
 * @param serviceLevels each promised service level
 * @param builtFrom the ids ({@code domain.name}) of the products this one is built from, from the
 *     contract's {@code builtFrom}; empty for a source-aligned product
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProductFacts(
    String product,
    String contractId,
    String version,
    String status,
    @Nullable String owner,
    @Nullable String description,
    List<TableFacts> tables,
    List<ServiceLevel> serviceLevels,
    @Nullable List<String> builtFrom) {

  /** The file's name inside a product's folder. */
  public static final String FILE_NAME = "_product.json";

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ProductFacts {
    tables = List.copyOf(tables);
    serviceLevels = List.copyOf(serviceLevels);
    // Facts written before products named their inputs have none.
    builtFrom = builtFrom == null ? List.of() : List.copyOf(builtFrom);
  }

  /**
   * One table: its name as in the manifest, its description, its columns, and the columns of other
   * products it joins, groups, filters or sorts by ({@code JOIN sales/orders/orders.customer_id}).
   */
  public record TableFacts(
      String name,
      @Nullable String description,
      List<FieldFacts> fields,
      @Nullable List<String> indirectSources) {
    public TableFacts {
      fields = List.copyOf(fields);
      // Facts written before tables named their indirect sources have none.
      indirectSources = indirectSources == null ? List.of() : List.copyOf(indirectSources);
    }

    /** The column called {@code name}, or null. */
    public @Nullable FieldFacts field(String name) {
      return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
  }

  /**
   * One published column.
   *
   * @param type the ODCS logical type, in lower case
   * @param protection how the column is protected ({@code tokenize}, {@code encrypt}, ...); null
   *     when it is published in clear
   * @param sources where its values come from, when the contract says ({@code
   *     transformSourceObjects}); null otherwise
   */
  public record FieldFacts(
      String name,
      String type,
      boolean required,
      @Nullable String classification,
      @Nullable String protection,
      @Nullable String description,
      @Nullable ColumnSources sources) {

    /** A column whose contract declares no source. */
    public FieldFacts(
        String name,
        String type,
        boolean required,
        @Nullable String classification,
        @Nullable String protection,
        @Nullable String description) {
      this(name, type, required, classification, protection, description, null);
    }

    /** Whether the column's values must never appear in metadata: classified or protected. */
    public boolean sensitive() {
      return protection != null
          || (classification != null && !classification.equalsIgnoreCase("public"));
    }
  }

  /**
   * One promise of {@code slaProperties}.
   *
   * @param property {@code freshness}, {@code latency} or {@code retention}
   * @param millis the promised duration
   * @param driver the contract's {@code driver}, null when none
   */
  public record ServiceLevel(String property, long millis, @Nullable String driver) {

    /** The promise as a duration. */
    public Duration duration() {
      return Duration.ofMillis(millis);
    }
  }

  /** The facts of {@code contract}; throws when a column's protection is not valid. */
  public static ProductFacts of(DataContract contract) throws ContractException {
    List<TableFacts> tables = new ArrayList<>();
    for (ContractTable table : contract.tables()) {
      Map<String, String> protections = new java.util.HashMap<>();
      for (FieldProtection protection : ContractProtection.of(contract, table)) {
        protections.put(protection.field(), protection.describe());
      }
      List<FieldFacts> fields = new ArrayList<>();
      for (ContractField field : table.fields()) {
        fields.add(
            new FieldFacts(
                field.name(),
                field.logicalType().name().toLowerCase(java.util.Locale.ROOT),
                field.required(),
                field.classification(),
                protections.get(field.name()),
                field.description(),
                field.sources().equals(ColumnSources.NONE) ? null : field.sources()));
      }
      tables.add(
          new TableFacts(table.folder(), table.description(), fields, table.indirectSources()));
    }
    return new ProductFacts(
        contract.product().id(), contract.id(), contract.version(), contract.status(),
        contract.owner(), contract.description(), tables, serviceLevels(contract.serviceLevels()),
        contract.builtFrom().stream().map(p -> p.replace('/', '.')).toList());
  }

  private static List<ServiceLevel> serviceLevels(ServiceLevels levels) {
    List<ServiceLevel> promises = new ArrayList<>();
    add(promises, "freshness", levels.freshness(), levels);
    add(promises, "latency", levels.latency(), levels);
    add(promises, "retention", levels.retention(), levels);
    return promises;
  }

  private static void add(
      List<ServiceLevel> promises, String property, @Nullable Duration value, ServiceLevels levels) {
    if (value != null) {
      promises.add(new ServiceLevel(property, value.toMillis(), levels.drivers().get(property)));
    }
  }

  /** The table called {@code name}, or empty. */
  public Optional<TableFacts> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The promise of {@code property}, or empty. */
  public Optional<ServiceLevel> serviceLevel(String property) {
    return serviceLevels.stream().filter(s -> s.property().equals(property)).findFirst();
  }

  /** Writes {@code _product.json} into {@code productDirectory}, replacing it whole. */
  public void write(ResourceId productDirectory) throws IOException {
    OutputFiles.write(file(productDirectory), JSON.writeValueAsBytes(this));
  }

  /** The facts written beside the product's manifest, or empty when there are none. */
  public static Optional<ProductFacts> readIfPresent(ResourceId productDirectory)
      throws IOException {
    Optional<byte[]> bytes = OutputFiles.readIfPresent(file(productDirectory));
    return bytes.isEmpty() ? Optional.empty() : Optional.of(JSON.readValue(bytes.get(), ProductFacts.class));
  }

  private static ResourceId file(ResourceId productDirectory) {
    return productDirectory.resolve(FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
  }
}
