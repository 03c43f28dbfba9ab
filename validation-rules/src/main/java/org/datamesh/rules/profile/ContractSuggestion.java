package org.datamesh.rules.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An ODCS v3 contract suggested by a {@link DatasetProfile}: one schema object whose properties
 * have the inferred types and only rules the profiled data satisfies, so that {@code run} with the
 * contract on the same data publishes every readable record (Deequ's constraint suggestion and
 * TFDV's schema inference, as a contract).
 *
 * <pre>{@code
 * String yaml =
 *     ContractSuggestion.of(profile)
 *         .withName("customers")
 *         .withDomain("crm")
 *         .withTable("customers")
 *         .yaml();
 * }</pre>
 *
 * <p>What is suggested, per column ({@link PropertySuggestion} has the details): the logical
 * type, a physical type keeping exact values ({@code decimal(p,s)} for numbers, with room for
 * larger ones, {@code bigint}
 * for integers), {@code required} when no record lacks a value, {@code unique} when every value is
 * distinct (known exactly), a text {@code format} every value has, a date layout, fixed lengths,
 * {@code minimum: 0} for numbers never negative, and an {@code invalidValues} rule listing the
 * values of a small enumeration. Observed maxima, longest lengths and row counts are not
 * suggested: tomorrow's data would break them. {@link #withObservedBounds()} adds them anyway.
 */
public final class ContractSuggestion {

  private final DatasetProfile profile;
  private final String id;
  private final String name;
  private final String version;
  private final String status;
  private final @Nullable String domain;
  private final String table;
  private final boolean observedBounds;

  private ContractSuggestion(
      DatasetProfile profile,
      String id,
      String name,
      String version,
      String status,
      @Nullable String domain,
      String table,
      boolean observedBounds) {
    this.profile = profile;
    this.id = id;
    this.name = name;
    this.version = version;
    this.status = status;
    this.domain = domain;
    this.table = table;
    this.observedBounds = observedBounds;
  }

  /** The suggestion for {@code profile}: named {@code profiled}, version 1.0.0, status draft. */
  public static ContractSuggestion of(DatasetProfile profile) {
    return new ContractSuggestion(
        profile, UUID.randomUUID().toString(), "profiled", "1.0.0", "draft", null, "profiled", false);
  }

  /** Returns a suggestion like this one but with the contract id {@code id} (else a random UUID). */
  public ContractSuggestion withId(String id) {
    return new ContractSuggestion(profile, id, name, version, status, domain, table, observedBounds);
  }

  /** Returns a suggestion like this one but with the contract's (and product's) {@code name}. */
  public ContractSuggestion withName(String name) {
    return new ContractSuggestion(profile, id, name, version, status, domain, table, observedBounds);
  }

  /** Returns a suggestion like this one but with the contract's {@code version}. */
  public ContractSuggestion withVersion(String version) {
    return new ContractSuggestion(profile, id, name, version, status, domain, table, observedBounds);
  }

  /** Returns a suggestion like this one but with the contract's {@code status}. */
  public ContractSuggestion withStatus(String status) {
    return new ContractSuggestion(profile, id, name, version, status, domain, table, observedBounds);
  }

  /** Returns a suggestion like this one but declaring the {@code domain} (else none). */
  public ContractSuggestion withDomain(@Nullable String domain) {
    return new ContractSuggestion(profile, id, name, version, status, domain, table, observedBounds);
  }

  /** Returns a suggestion like this one but naming the schema object (the table) {@code table}. */
  public ContractSuggestion withTable(String table) {
    return new ContractSuggestion(profile, id, name, version, status, domain, table, observedBounds);
  }

  /**
   * Returns a suggestion like this one but also bounding each column by what was observed: the
   * least and greatest number, the shortest and longest text. True of the data profiled, and
   * likely to refuse the next data: for a dataset that does not grow.
   */
  public ContractSuggestion withObservedBounds() {
    return new ContractSuggestion(profile, id, name, version, status, domain, table, true);
  }

  /** The contract as a tree of maps and lists, in ODCS key order. */
  public Map<String, Object> document() {
    Map<String, Object> contract = new LinkedHashMap<>();
    contract.put("apiVersion", "v3.1.0");
    contract.put("kind", "DataContract");
    contract.put("id", id);
    contract.put("name", name);
    contract.put("version", version);
    contract.put("status", status);
    if (domain != null) {
      contract.put("domain", domain);
    }
    contract.put(
        "description",
        Map.of(
            "purpose",
            "Suggested by datamesh profile from " + profile.records() + " records"
                + (profile.unreadable() > 0 ? " (" + profile.unreadable() + " unreadable)" : "")
                + "; review every rule before publishing with it."));
    List<Object> properties = new ArrayList<>();
    for (ColumnProfile column : profile.columns()) {
      if (column.name().isBlank()) {
        // A column without a name cannot be a property; the parser skips it, with a warning.
        continue;
      }
      properties.add(PropertySuggestion.of(column, profile.records(), observedBounds));
    }
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("name", table);
    object.put("physicalType", "table");
    object.put("properties", properties);
    contract.put("schema", List.of(object));
    return contract;
  }

  /** The contract as ODCS YAML. */
  public String yaml() {
    YAMLMapper mapper =
        YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    try {
      return mapper.writeValueAsString(document());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a contract of maps and lists always writes as YAML", e);
    }
  }

  /** A number as YAML writes it: integers without a point, decimals as written. */
  static Object number(BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    return plain.scale() <= 0 ? plain.toBigInteger() : plain;
  }
}
