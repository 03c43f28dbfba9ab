package org.datamesh.core.publish;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.TableQuality;

/**
 * A data product's {@code _manifest.json}: which run is committed, and for each table of the
 * product which files hold its rows and its quarantine and how every input record was accounted
 * for. Consumers read a product through it; files not named here (an unfinished run's, say) are
 * not part of the product. One manifest commits all tables of a run at once, so a reader never
 * sees one table of a run beside another table of an older run.
 *
 * <pre>{@code
 * Manifest manifest = Manifest.read(FileSystems.matchNewResource("/data/sales/orders", true));
 * manifest.table("order_lines").files();  // ["runs/20261121T053012Z-9f3a1c/order_lines/part-00000-of-00002.parquet", ...]
 * manifest.counts().balances();           // input == published + quarantined + deduplicated, all tables
 * }</pre>
 *
 * <p>Version 1 manifests (one table, its schema and files at the top level) are still read, as a
 * product of one table named after the product.
 *
 * @param tables the product's tables in the contract's order, each with its files and counts
 * @param counts the sums of the tables' counts
 * @param quality the sums of the tables' quality summaries
 * @param superseded the versions this one and its predecessors replaced, newest first, each with
 *     the moment it stopped being in force; retention ages a version from that moment, since a
 *     reader may have read its manifest just before
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Manifest(
    int manifestVersion,
    String product,
    String domain,
    String name,
    String version,
    String runId,
    String committedAt,
    List<Table> tables,
    Counts counts,
    Quality quality,
    List<Superseded> superseded) {

  /** The manifest file's name inside a product's folder. */
  public static final String FILE_NAME = "_manifest.json";

  /** The format of this manifest, raised when fields change meaning (2: several tables). */
  public static final int CURRENT_VERSION = 2;

  static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * The previous manifest's name: written just before a commit replaces {@code _manifest.json}, so
   * an operator can put the last good version back if the current one is ever unreadable.
   */
  public static final String PREVIOUS_FILE_NAME = "_manifest.previous.json";

  public Manifest {
    tables = List.copyOf(tables);
    superseded = superseded == null ? List.of() : List.copyOf(superseded);
  }

  /**
   * A version that was in force before: its run id and when the next commit replaced it.
   *
   * @param supersededAt an ISO-8601 instant
   */
  public record Superseded(String runId, String supersededAt) {}

  /**
   * One table of the committed run.
   *
   * @param name the table's name: its folder in {@code runs/<run-id>/} and {@code
   *     quarantine/<run-id>/}
   * @param schema its published columns
   * @param files data files relative to the manifest's folder; at least one (an empty file with
   *     the schema when the run published no rows)
   * @param quarantineFiles quarantine files relative to the manifest's folder; at least one
   * @param counts how every input record of the table was accounted for
   * @param quality failures per stage and per rule id, warnings per rule id
   * @param windows for a table published from a stream, the event-time windows committed so
   *     far, oldest first, each with its counts (the table's are their sums); empty, and left out
   *     of the JSON, for a table published by a batch run
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Table(
      String name,
      List<Column> schema,
      List<String> files,
      List<String> quarantineFiles,
      Counts counts,
      Quality quality,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ManifestWindow> windows) {

    @JsonCreator
    public Table {
      schema = List.copyOf(schema);
      files = List.copyOf(files);
      quarantineFiles = List.copyOf(quarantineFiles);
      windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /** A table published by a batch run: no windows. */
    public Table(
        String name,
        List<Column> schema,
        List<String> files,
        List<String> quarantineFiles,
        Counts counts,
        Quality quality) {
      this(name, schema, files, quarantineFiles, counts, quality, List.of());
    }
  }

  /** A published column: its name, its type as consumers see it, and whether it may be null. */
  public record Column(String name, String type, boolean nullable) implements Serializable {}

  /** How every input record of the run was accounted for. */
  public record Counts(long input, long published, long quarantined, long deduplicated) {

    /** Whether every input record is published, quarantined or counted as a duplicate. */
    public boolean balances() {
      return input == published + quarantined + deduplicated;
    }

    Counts plus(Counts other) {
      return new Counts(
          input + other.input, published + other.published, quarantined + other.quarantined,
          deduplicated + other.deduplicated);
    }
  }

  /**
   * Quarantined records per stage; violations per rule id among quarantined records; and WARN
   * violations per rule id among the records that passed validation. Validation runs before
   * deduplication, so a WARN on a record later set aside as a duplicate is counted too.
   *
   * <p>When the product has dataset checks, also their results and the share of them that
   * passed ({@code score}, 0 to 1); both are left out of the JSON when there are no checks, so a
   * product without checks has the manifest it always had.
   */
  public record Quality(
      Map<String, Long> failuresByStage,
      Map<String, Long> failuresByRule,
      Map<String, Long> warningsByRule,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double score,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CheckResult> checks) {

    @JsonCreator
    public Quality {
      checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** A summary without dataset checks. */
    public Quality(
        Map<String, Long> failuresByStage,
        Map<String, Long> failuresByRule,
        Map<String, Long> warningsByRule) {
      this(failuresByStage, failuresByRule, warningsByRule, null, List.of());
    }

    /** This summary with {@code checks}' results and their score. */
    Quality withChecks(List<CheckResult> checks) {
      return checks.isEmpty()
          ? this
          : new Quality(
              failuresByStage, failuresByRule, warningsByRule, TableQuality.score(checks), checks);
    }

    Quality plus(Quality other) {
      Quality sum =
          new Quality(
              sum(failuresByStage, other.failuresByStage),
              sum(failuresByRule, other.failuresByRule),
              sum(warningsByRule, other.warningsByRule));
      List<CheckResult> all = new ArrayList<>(checks);
      all.addAll(other.checks);
      return sum.withChecks(all);
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
      Map<String, Long> sum = new TreeMap<>(a);
      b.forEach((key, value) -> sum.merge(key, value, Long::sum));
      return sum;
    }
  }

  /** A manifest of {@code tables} that replaced no earlier version. */
  static Manifest of(DataProduct product, String runId, String committedAt, List<Table> tables) {
    return of(product, runId, committedAt, tables, List.of());
  }

  /**
   * A manifest of {@code tables}, whose counts and quality are the tables' sums, listing the
   * versions it and its predecessors {@code superseded}.
   */
  static Manifest of(
      DataProduct product,
      String runId,
      String committedAt,
      List<Table> tables,
      List<Superseded> superseded) {
    Counts counts = new Counts(0, 0, 0, 0);
    Quality quality = new Quality(Map.of(), Map.of(), Map.of());
    for (Table table : tables) {
      counts = counts.plus(table.counts());
      quality = quality.plus(table.quality());
    }
    return new Manifest(
        CURRENT_VERSION, product.id(), product.domain(), product.name(), product.version(), runId,
        committedAt, tables, counts, quality, superseded);
  }

  /**
   * Reads either version of the manifest: version 1 kept one table's {@code schema}, {@code
   * files} and {@code quarantineFiles} at the top level.
   */
  @JsonCreator
  static Manifest fromJson(
      @JsonProperty("manifestVersion") int manifestVersion,
      @JsonProperty("product") String product,
      @JsonProperty("domain") String domain,
      @JsonProperty("name") String name,
      @JsonProperty("version") String version,
      @JsonProperty("runId") String runId,
      @JsonProperty("committedAt") String committedAt,
      @JsonProperty("tables") @Nullable List<Table> tables,
      @JsonProperty("schema") @Nullable List<Column> schema,
      @JsonProperty("files") @Nullable List<String> files,
      @JsonProperty("quarantineFiles") @Nullable List<String> quarantineFiles,
      @JsonProperty("counts") Counts counts,
      @JsonProperty("quality") Quality quality,
      @JsonProperty("superseded") @Nullable List<Superseded> superseded) {
    if (tables == null) {
      tables =
          List.of(
              new Table(
                  name,
                  schema == null ? List.of() : schema,
                  files == null ? List.of() : files,
                  quarantineFiles == null ? List.of() : quarantineFiles,
                  counts,
                  quality));
    }
    return new Manifest(
        manifestVersion, product, domain, name, version, runId, committedAt, tables, counts,
        quality, superseded == null ? List.of() : superseded);
  }

  /** The table called {@code name}; throws when the product has none of that name. */
  public Table table(String name) {
    return tables.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    product + " has no table " + name + "; its tables: "
                        + tables.stream().map(Table::name).toList()));
  }

  /** The table called {@code name}, or empty. */
  public Optional<Table> findTable(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The product's one table; throws when it has several. */
  public Table onlyTable() {
    if (tables.size() != 1) {
      throw new IllegalStateException(
          product + " has " + tables.size() + " tables; name one with table(name)");
    }
    return tables.get(0);
  }

  /** The one table's published columns (see {@link #onlyTable()}). */
  @JsonIgnore
  public List<Column> schema() {
    return onlyTable().schema();
  }

  /** The data files of every table, relative to the manifest's folder. */
  @JsonIgnore
  public List<String> files() {
    return tables.stream().flatMap(t -> t.files().stream()).toList();
  }

  /** The quarantine files of every table, relative to the manifest's folder. */
  @JsonIgnore
  public List<String> quarantineFiles() {
    return tables.stream().flatMap(t -> t.quarantineFiles().stream()).toList();
  }

  /**
   * Reads the manifest of the product in {@code productDirectory}.
   *
   * @throws UnreadableManifestException when the file is there but is not a manifest (empty or
   *     cut short after a power loss, say); its message says how to recover
   */
  public static Manifest read(ResourceId productDirectory) throws IOException {
    ResourceId file =
        productDirectory.resolve(FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    byte[] bytes;
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      bytes = in.readAllBytes();
    }
    try {
      return parse(bytes);
    } catch (IOException e) {
      throw new UnreadableManifestException(file.toString(), e);
    }
  }

  /** Reads the manifest of the product in the local folder {@code productDirectory}. */
  public static Manifest read(java.nio.file.Path productDirectory) throws IOException {
    return read(FileSystems.matchNewResource(productDirectory.toAbsolutePath().toString(), true));
  }

  /**
   * A manifest from its JSON text, as {@code _manifest.json} holds it and as {@link
   * PublishDataProduct} outputs the version it committed.
   *
   * <pre>{@code
   * Manifest committed = Manifest.parse(json.getBytes(StandardCharsets.UTF_8));
   * }</pre>
   */
  public static Manifest parse(byte[] json) throws IOException {
    return JSON.readValue(json, Manifest.class);
  }

  /**
   * Reads the manifest of the product in {@code productDirectory}, or returns empty when nothing
   * has been published there yet.
   */
  public static Optional<Manifest> readIfPresent(ResourceId productDirectory) throws IOException {
    ResourceId file =
        productDirectory.resolve(FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    MatchResult match = FileSystems.match(file.toString(), EmptyMatchTreatment.ALLOW);
    if (match.status() == MatchResult.Status.NOT_FOUND
        || (match.status() == MatchResult.Status.OK && match.metadata().isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(read(productDirectory));
  }

  /** The manifest's description of rows of {@code schema}: names, SQL type names, nullability. */
  public static List<Column> columnsOf(Schema schema) {
    return ManifestColumns.of(schema);
  }

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("a manifest could not be written as JSON", e);
    }
  }
}
