package org.datamesh.core.protect;

import java.io.Serializable;
import java.math.BigDecimal;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How one column is protected.
 *
 * <pre>{@code
 * ProtectionStep.of(keys,
 *     FieldProtection.tokenize("customer_id"),
 *     FieldProtection.encrypt("email"),
 *     FieldProtection.mask("phone"),
 *     FieldProtection.generalize("birth_date", Granularity.YEAR));
 * }</pre>
 *
 * @param field the column
 * @param method how it is protected
 * @param deterministic for {@link ProtectionMethod#ENCRYPT}: the same value gives the same
 *     ciphertext (AES-SIV), so the column can be joined and grouped on
 * @param granularity for {@link ProtectionMethod#GENERALIZE} of dates and timestamps
 * @param band for {@link ProtectionMethod#GENERALIZE} of numbers: the width of a band
 */
public record FieldProtection(
    String field,
    ProtectionMethod method,
    boolean deterministic,
    @Nullable Granularity granularity,
    @Nullable BigDecimal band)
    implements Serializable {

  /** What a date or timestamp is generalized to. */
  public enum Granularity {
    MONTH,
    YEAR
  }

  public FieldProtection {
    if (band != null && band.signum() <= 0) {
      throw new IllegalArgumentException("a band's width must be positive");
    }
  }

  public static FieldProtection tokenize(String field) {
    return new FieldProtection(field, ProtectionMethod.TOKENIZE, true, null, null);
  }

  public static FieldProtection encrypt(String field) {
    return new FieldProtection(field, ProtectionMethod.ENCRYPT, false, null, null);
  }

  /** Encryption giving the same ciphertext for the same value, so the column stays joinable. */
  public static FieldProtection encryptDeterministically(String field) {
    return new FieldProtection(field, ProtectionMethod.ENCRYPT, true, null, null);
  }

  public static FieldProtection mask(String field) {
    return new FieldProtection(field, ProtectionMethod.MASK, false, null, null);
  }

  public static FieldProtection hash(String field) {
    return new FieldProtection(field, ProtectionMethod.HASH, true, null, null);
  }

  /** A date or timestamp column cut to {@code granularity}. */
  public static FieldProtection generalize(String field, Granularity granularity) {
    return new FieldProtection(field, ProtectionMethod.GENERALIZE, false, granularity, null);
  }

  /** A numeric column replaced by the lower bound of its band of {@code width}: 37 -> 30 for 10. */
  public static FieldProtection generalizeInBands(String field, BigDecimal width) {
    return new FieldProtection(field, ProtectionMethod.GENERALIZE, false, null, width);
  }

  public static FieldProtection drop(String field) {
    return new FieldProtection(field, ProtectionMethod.DROP, false, null, null);
  }

  /**
   * Whether equal values stay equal and different values stay different, so the column can serve
   * as a key (tokens, hashes and deterministic encryption; collisions are cryptographically
   * negligible).
   */
  public boolean keepsIdentity() {
    return switch (method) {
      case TOKENIZE, HASH -> true;
      case ENCRYPT -> deterministic;
      default -> false;
    };
  }

  /** The method as a contract writes it, e.g. {@code encrypt(deterministic)} or {@code generalize(year)}. */
  public String describe() {
    if (method == ProtectionMethod.ENCRYPT && deterministic) {
      return "encrypt(deterministic)";
    }
    if (method == ProtectionMethod.GENERALIZE) {
      return "generalize("
          + (granularity != null ? granularity.name().toLowerCase(java.util.Locale.ROOT) : band.toPlainString())
          + ")";
    }
    return method.word();
  }
}
