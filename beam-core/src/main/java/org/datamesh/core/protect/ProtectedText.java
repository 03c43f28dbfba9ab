package org.datamesh.core.protect;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.RowPayload;

/**
 * The text forms of protected values, and reading encrypted ones back.
 *
 * <pre>{@code
 * String email = ProtectedText.reveal(keys, row.getString("email"));   // "enc:..." -> clear text
 * }</pre>
 *
 * <p>Every protected value says what made it, so it is never mistaken for clear text: {@code
 * tok:<key id>:<token>} (the key id in hex), {@code enc:<ciphertext>} and {@code
 * det:<ciphertext>} (Tink ciphertexts, which start with their key's id), {@code sha256:<hex>}.
 * Values are protected in their canonical text: strings as they are, numbers in plain decimal
 * notation, times in ISO-8601, nested rows as JSON, so a customer id tokenized as a number in one
 * product and as text in another gives the same token.
 */
public final class ProtectedText {

  static final String TOKEN = "tok:";
  static final String ENCRYPTED = org.datamesh.core.failure.Failure.ENCRYPTED_PAYLOAD_PREFIX;
  static final String DETERMINISTIC = "det:";
  static final String HASH = "sha256:";
  private static final byte[] NO_CONTEXT = new byte[0];

  private ProtectedText() {}

  /**
   * {@code text} masked as the {@code mask} protection masks it: every character but the last
   * ones (at most 4, at most a third of the value) replaced by {@code *}.
   */
  public static String mask(String text) {
    return ValueProtector.mask(text);
  }

  /** The canonical text of a column's value that protection works on. */
  public static String canonical(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Row row) {
      return RowPayload.of(row);
    }
    if (value instanceof java.time.Instant instant) {
      return DataTypes.instantText(instant);
    }
    if (value instanceof Iterable<?> items) {
      // As a list prints itself, but instants in the library's one text form.
      StringBuilder text = new StringBuilder("[");
      for (Object item : items) {
        text.append(text.length() > 1 ? ", " : "")
            .append(item instanceof java.time.Instant instant ? DataTypes.instantText(instant) : item);
      }
      return text.append(']').toString();
    }
    return String.valueOf(value);
  }

  /**
   * The clear text of an encrypted value ({@code enc:} or {@code det:}), read with {@code keys} or
   * any keyset rotated from them.
   *
   * @throws GeneralSecurityException when the value was not encrypted with these keys or was
   *     changed
   * @throws IllegalArgumentException when the value is not an encrypted value (tokens and hashes
   *     cannot be read back by design)
   */
  public static String reveal(DataKeys keys, String value) throws GeneralSecurityException {
    if (!isEncrypted(value)) {
      if (value.startsWith(TOKEN) || value.startsWith(HASH)) {
        throw new IllegalArgumentException(
            "tokens and hashes cannot be read back; only encrypted values (enc:, det:) can");
      }
      throw new IllegalArgumentException("not an encrypted value: it must start with enc: or det:");
    }
    byte[] clear =
        value.startsWith(ENCRYPTED)
            ? keys.aead().decrypt(decode(value.substring(ENCRYPTED.length())), NO_CONTEXT)
            : keys.deterministicAead()
                .decryptDeterministically(
                    decode(value.substring(DETERMINISTIC.length())), NO_CONTEXT);
    return new String(clear, StandardCharsets.UTF_8);
  }

  /** Whether {@code value} is an encrypted value ({@code enc:} or {@code det:}). */
  public static boolean isEncrypted(String value) {
    return value.startsWith(ENCRYPTED) || value.startsWith(DETERMINISTIC);
  }

  static String encrypt(DataKeys keys, String clear) throws GeneralSecurityException {
    return ENCRYPTED + encode(keys.aead().encrypt(clear.getBytes(StandardCharsets.UTF_8), NO_CONTEXT));
  }

  static String encryptDeterministically(DataKeys keys, String clear)
      throws GeneralSecurityException {
    return DETERMINISTIC
        + encode(
            keys.deterministicAead()
                .encryptDeterministically(clear.getBytes(StandardCharsets.UTF_8), NO_CONTEXT));
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] decode(String text) {
    return Base64.getUrlDecoder().decode(text);
  }
}
