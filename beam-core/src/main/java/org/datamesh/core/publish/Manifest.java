package org.datamesh.core.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.schemas.Schema;

/**
 * A data product's {@code _manifest.json}: which run is committed, which files hold its rows and
 * its quarantine, and how every input record was accounted for. Consumers read a product through
 * it; files not named here (an unfinished run's, say) are not part of the product.
 *
 * <pre>{@code
 * Manifest manifest = Manifest.read(FileSystems.matchNewResource("/data/sales/orders", true));
 * manifest.files();              // ["runs/20261121T053012Z-9f3a1c/part-00000-of-00002.parquet", ...]
 * manifest.counts().balances();  // input == published + quarantined + deduplicated
 * }</pre>
 *
 * @param product the product id, {@code domain.name}
 * @param files data files relative to the manifest's folder; at least one (an empty file with the
 *     schema when the run published no rows)
 * @param quarantineFiles quarantine files relative to the manifest's folder; at least one
 * @param quality failures per stage and per rule id, warnings per rule id
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
    List<Column> schema,
    List<String> files,
    List<String> quarantineFiles,
    Counts counts,
    Quality quality) {

  /** The manifest file's name inside a product's folder. */
  public static final String FILE_NAME = "_manifest.json";

  /** The format of this manifest, raised when fields change meaning. */
  public static final int CURRENT_VERSION = 1;

  static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A published column: its name, its type as consumers see it, and whether it may be null. */
  public record Column(String name, String type, boolean nullable) implements Serializable {}

  /** How every input record of the run was accounted for. */
  public record Counts(long input, long published, long quarantined, long deduplicated) {

    /** Whether every input record is published, quarantined or counted as a duplicate. */
    public boolean balances() {
      return input == published + quarantined + deduplicated;
    }
  }

  /**
   * Quarantined records per stage; violations per rule id among quarantined records; and WARN
   * violations per rule id among the records that passed validation. Validation runs before
   * deduplication, so a WARN on a record later set aside as a duplicate is counted too.
   */
  public record Quality(
      Map<String, Long> failuresByStage,
      Map<String, Long> failuresByRule,
      Map<String, Long> warningsByRule) {}

  /** Reads the manifest of the product in {@code productDirectory}. */
  public static Manifest read(ResourceId productDirectory) throws IOException {
    ResourceId file =
        productDirectory.resolve(FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      return JSON.readValue(in, Manifest.class);
    }
  }

  /** Reads the manifest of the product in the local folder {@code productDirectory}. */
  public static Manifest read(java.nio.file.Path productDirectory) throws IOException {
    return JSON.readValue(productDirectory.resolve(FILE_NAME).toFile(), Manifest.class);
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
