package org.datamesh.core.failure;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Why one record did not make it into a data product: the stage, the product, every violated rule,
 * where the record came from and the raw record itself, so nothing is lost and the record can be
 * replayed once fixed.
 *
 * <pre>{@code
 * Failure failure =
 *     Failure.builder(Stage.PARSE, "sales.orders")
 *         .setViolations(List.of(Violation.error("parse.number", "amount", "amount is not a number")))
 *         .setSource(SourcePosition.fileRecord("orders.csv", 17, 18))
 *         .setRawPayload("A-17,C-9,2024-03-05,twelve,EUR")
 *         .build();
 * }</pre>
 *
 * <p>Failures have a Beam schema ({@link FailureSchemaProvider}), so a {@code PCollection<Failure>}
 * needs no coder and can be written as Parquet by the publication step. The raw payload is capped at
 * {@link #MAX_RAW_PAYLOAD_CHARS} characters ({@link #rawTruncated()} says when it was cut), so a
 * record with a huge field cannot blow up the quarantine.
 */
@AutoValue
@DefaultSchema(FailureSchemaProvider.class)
public abstract class Failure implements Serializable {

  /** The most of a raw record a failure keeps. */
  public static final int MAX_RAW_PAYLOAD_CHARS = 64 * 1024;

  /**
   * The most an encrypted raw payload ({@code enc:} and base64, see {@code ProtectFailures}) may
   * hold: a capped clear payload, at most 3 UTF-8 bytes per character, encrypted and encoded.
   * Cutting a ciphertext would make it unreadable, so it is never cut below this.
   */
  public static final int MAX_ENCRYPTED_PAYLOAD_CHARS = 4 + (3 * MAX_RAW_PAYLOAD_CHARS + 64) / 3 * 4 + 4;

  /** How an encrypted raw payload starts. */
  public static final String ENCRYPTED_PAYLOAD_PREFIX = "enc:";

  public abstract Stage stage();

  /** The product's identifier, such as {@code sales.orders}. */
  public abstract String product();

  /** Every reason the record failed, at least one. */
  public abstract List<Violation> violations();

  /** Where the record came from; null when the source does not say. */
  public abstract @Nullable SourcePosition source();

  /** The raw record as read, or null when none is kept (or it has been protected away). */
  public abstract @Nullable String rawPayload();

  /** Whether {@link #rawPayload()} was cut to {@link #MAX_RAW_PAYLOAD_CHARS}. */
  public abstract boolean rawTruncated();

  public abstract Instant failedAt();

  /** The first violation's rule id, the usual way to group failures. */
  public final String ruleId() {
    return violations().get(0).ruleId();
  }

  /** The first violation's field, or null for a record-level problem. */
  public final @Nullable String field() {
    return violations().get(0).field();
  }

  /** Every violation as {@code ruleId: reason}, joined by {@code "; "}. */
  public final String reason() {
    return violations().stream()
        .map(v -> v.ruleId() + ": " + v.reason())
        .collect(Collectors.joining("; "));
  }

  public static Builder builder(Stage stage, String product) {
    return new AutoValue_Failure.Builder()
        .setStage(stage)
        .setProduct(product)
        .setRawTruncated(false)
        .setFailedAt(Instant.now());
  }

  /** A failure with a single violation. */
  public static Failure of(
      Stage stage,
      String product,
      Violation violation,
      @Nullable SourcePosition source,
      @Nullable String rawPayload) {
    return builder(stage, product)
        .setViolations(List.of(violation))
        .setSource(source)
        .setRawPayload(rawPayload)
        .build();
  }

  /**
   * A failure of a row that was already parsed: its position comes from the row's {@link
   * SourceField} (null when it has none) and the row itself, as JSON, is the raw payload.
   */
  public static Failure ofRow(
      Stage stage, String product, List<Violation> violations, org.apache.beam.sdk.values.Row row) {
    return builder(stage, product)
        .setViolations(violations)
        .setSource(SourceField.positionOf(row))
        .setRawPayload(RowPayload.of(row))
        .build();
  }

  public abstract Builder toBuilder();

  /** Builds a {@link Failure}; {@link #build()} caps the raw payload's length. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setStage(Stage stage);

    public abstract Builder setProduct(String product);

    public abstract Builder setViolations(List<Violation> violations);

    public abstract Builder setSource(@Nullable SourcePosition source);

    /** Keeps the raw record; {@link #build()} cuts it to {@link #MAX_RAW_PAYLOAD_CHARS}. */
    public abstract Builder setRawPayload(@Nullable String rawPayload);

    public abstract Builder setRawTruncated(boolean truncated);

    public abstract Builder setFailedAt(Instant failedAt);

    abstract @Nullable String rawPayload();

    abstract List<Violation> violations();

    abstract Failure autoBuild();

    public Failure build() {
      String raw = rawPayload();
      int cap =
          raw != null && raw.startsWith(ENCRYPTED_PAYLOAD_PREFIX)
              ? MAX_ENCRYPTED_PAYLOAD_CHARS
              : MAX_RAW_PAYLOAD_CHARS;
      if (raw != null && raw.length() > cap) {
        setRawPayload(raw.substring(0, cap));
        setRawTruncated(true);
      }
      setViolations(List.copyOf(violations()));
      Failure failure = autoBuild();
      if (failure.violations().isEmpty()) {
        throw new IllegalArgumentException("a failure needs at least one violation");
      }
      return failure;
    }
  }
}
