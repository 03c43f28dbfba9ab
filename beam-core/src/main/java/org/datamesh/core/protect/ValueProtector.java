package org.datamesh.core.protect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.datamesh.core.DataTypes;
import org.joda.time.DateTimeZone;
import org.joda.time.Instant;

/**
 * One column's protection as a function over its (non-null) values, built once per worker with
 * its primitives resolved.
 */
@FunctionalInterface
interface ValueProtector {

  /** How many trailing characters a mask keeps at most. */
  int MASK_KEEPS = 4;

  /** Bytes of a token's PRF output: 128 bits. */
  int TOKEN_BYTES = 16;

  Object protect(Object value) throws GeneralSecurityException;

  /** The protector of {@code protection} for values of {@code type}. */
  static ValueProtector of(FieldProtection protection, FieldType type, DataKeys keys) {
    return switch (protection.method()) {
      case TOKENIZE -> tokenizer(keys);
      case ENCRYPT ->
          protection.deterministic()
              ? value -> ProtectedText.encryptDeterministically(keys, ProtectedText.canonical(value))
              : value -> ProtectedText.encrypt(keys, ProtectedText.canonical(value));
      case MASK -> value -> mask(ProtectedText.canonical(value));
      case HASH -> hasher(keys.hashSalt());
      case GENERALIZE -> generalizer(protection, type);
      case DROP -> throw new IllegalArgumentException("a dropped column has no values to protect");
    };
  }

  private static ValueProtector tokenizer(DataKeys keys) {
    var prf = keys.tokenizer();
    String prefix = ProtectedText.TOKEN + HexFormat.of().toHexDigits(prf.getPrimaryId()) + ":";
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return value ->
        prefix
            + base64.encodeToString(
                prf.computePrimary(
                    ProtectedText.canonical(value).getBytes(StandardCharsets.UTF_8), TOKEN_BYTES));
  }

  private static ValueProtector hasher(byte[] salt) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    HexFormat hex = HexFormat.of();
    return value -> {
      digest.reset();
      digest.update(salt);
      return ProtectedText.HASH
          + hex.formatHex(digest.digest(ProtectedText.canonical(value).getBytes(StandardCharsets.UTF_8)));
    };
  }

  /**
   * Keeps the last characters, at most {@link #MASK_KEEPS} and never more than a third of the
   * value, so that a short value is not kept whole: {@code 4111111111111111} -> {@code
   * ************1111}, {@code 12345} -> {@code ****5}.
   */
  static String mask(String text) {
    int length = text.codePointCount(0, text.length());
    int keep = Math.min(MASK_KEEPS, length / 3);
    int cut = text.offsetByCodePoints(0, length - keep);
    return "*".repeat(length - keep) + text.substring(cut);
  }

  private static ValueProtector generalizer(FieldProtection protection, FieldType type) {
    if (protection.granularity() != null) {
      boolean year = protection.granularity() == FieldProtection.Granularity.YEAR;
      if (DataTypes.isMicrosTimestamp(type)) {
        return value -> {
          var day = ((java.time.Instant) value).atOffset(ZoneOffset.UTC).toLocalDate();
          var cut = year ? day.withDayOfYear(1) : day.withDayOfMonth(1);
          return cut.atStartOfDay(ZoneOffset.UTC).toInstant();
        };
      }
      if (type.getTypeName() == TypeName.DATETIME) {
        return value -> {
          var utc = ((Instant) value).toDateTime(DateTimeZone.UTC);
          var cut = utc.withDayOfMonth(1).withTimeAtStartOfDay();
          return (year ? cut.withMonthOfYear(1) : cut).toInstant();
        };
      }
      return value -> {
        LocalDate date = (LocalDate) value;
        return year ? date.withDayOfYear(1) : date.withDayOfMonth(1);
      };
    }
    BigDecimal band = protection.band();
    return switch (type.getTypeName()) {
      case INT16 -> value -> (short) floor((Short) value, band.longValueExact());
      case INT32 -> value -> (int) floor((Integer) value, band.longValueExact());
      case INT64 -> value -> floor((Long) value, band.longValueExact());
      case DOUBLE -> value -> Math.floor((Double) value / band.doubleValue()) * band.doubleValue();
      case FLOAT -> value -> (float) (Math.floor((Float) value / band.doubleValue()) * band.doubleValue());
      default -> value -> decimalFloor(value, band);
    };
  }

  private static long floor(long value, long band) {
    return Math.floorDiv(value, band) * band;
  }

  private static Object decimalFloor(Object value, BigDecimal band) {
    BigDecimal decimal = (BigDecimal) value;
    BigDecimal floored = decimal.divide(band, 0, RoundingMode.FLOOR).multiply(band);
    return floored.setScale(decimal.scale(), RoundingMode.FLOOR);
  }
}
