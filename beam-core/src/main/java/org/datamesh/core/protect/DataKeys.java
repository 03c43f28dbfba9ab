package org.datamesh.core.protect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.io.IOException;
import java.io.Serializable;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The keys that protect a product's classified columns: three Tink keysets (a keyed PRF for
 * tokens, AEAD for encryption, deterministic AEAD for joinable encryption) and the secret salt of
 * hashes, held as one JSON document.
 *
 * <pre>{@code
 * DataKeys keys = KeysetFiles.read(Path.of("/secure/datamesh.keyset.json"));
 * spec = ContractProducts.spec(contract, RecordFormat.Kind.CSV, keys);
 * }</pre>
 *
 * <p>Why Tink: keysets carry several keys with one primary; every token and ciphertext names
 * the key that made it, so a rotated keyset ({@link #rotated()}) still reads and recognizes
 * everything protected before. The key material travels inside the pipeline's serialized steps
 * (workers of a cluster have no access to the submitting machine's files); it never appears in
 * {@link #toString()}, display data or logs.
 */
public final class DataKeys implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FORMAT = "datamesh-keyset/1";
  private static final int SALT_BYTES = 32;

  static {
    try {
      AeadConfig.register();
      DeterministicAeadConfig.register();
      PrfConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String json;
  private transient @Nullable Primitives primitives;

  private DataKeys(String json) {
    this.json = json;
  }

  /** New keys: one fresh key in each keyset and a fresh salt. */
  public static DataKeys generate() {
    try {
      ObjectNode root = JSON.createObjectNode();
      root.put("format", FORMAT);
      root.set("tokenize", keysetNode(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)));
      root.set("encrypt", keysetNode(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)));
      root.set(
          "deterministicEncrypt",
          keysetNode(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV)));
      byte[] salt = new byte[SALT_BYTES];
      new SecureRandom().nextBytes(salt);
      root.put("hashSalt", Base64.getEncoder().encodeToString(salt));
      return new DataKeys(JSON.writeValueAsString(root));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not generate keys: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Keys read back from {@link #toJson()}; the message of the exception never holds key bytes. */
  public static DataKeys fromJson(String json) throws KeysetException {
    DataKeys keys = new DataKeys(json);
    keys.primitives = parse(json);
    return keys;
  }

  /** The keys as one JSON document: secret, to be stored as {@link KeysetFiles} does. */
  public String toJson() {
    return json;
  }

  /**
   * Returns keys like these but with a new primary key in each keyset. Values protected before
   * stay readable (encryption) and recognizable by their key id (tokens); new values use the new
   * keys. The hash salt is kept, so hashes do not change.
   */
  public DataKeys rotated() throws KeysetException {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(json);
      root.set("tokenize", rotate(root.get("tokenize"), PredefinedPrfParameters.HMAC_SHA256_PRF));
      root.set("encrypt", rotate(root.get("encrypt"), PredefinedAeadParameters.AES256_GCM));
      root.set(
          "deterministicEncrypt",
          rotate(root.get("deterministicEncrypt"), PredefinedDeterministicAeadParameters.AES256_SIV));
      return fromJson(JSON.writeValueAsString(root));
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new KeysetException("the keyset could not be rotated: " + e.getClass().getSimpleName());
    }
  }

  /** How many keys each keyset holds (the same for all three). */
  public int keyCount() {
    return primitives().keyCount;
  }

  PrfSet tokenizer() {
    return primitives().prf;
  }

  Aead aead() {
    return primitives().aead;
  }

  DeterministicAead deterministicAead() {
    return primitives().deterministic;
  }

  byte[] hashSalt() {
    return primitives().salt.clone();
  }

  private Primitives primitives() {
    Primitives p = primitives;
    if (p == null) {
      try {
        p = parse(json);
      } catch (KeysetException e) {
        throw new IllegalStateException(e.getMessage());
      }
      primitives = p;
    }
    return p;
  }

  @Override
  public String toString() {
    return "DataKeys[redacted]";
  }

  private static Primitives parse(String json) throws KeysetException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new KeysetException("the keyset is not JSON");
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new KeysetException(
          "the keyset is not a datamesh keyset (" + FORMAT + "); create one with: keys --keyset=PATH");
    }
    try {
      KeysetHandle prf = handle(root, "tokenize");
      KeysetHandle aead = handle(root, "encrypt");
      KeysetHandle deterministic = handle(root, "deterministicEncrypt");
      byte[] salt = Base64.getDecoder().decode(root.path("hashSalt").asText());
      if (salt.length < 16) {
        throw new KeysetException("the keyset's hashSalt is missing or shorter than 16 bytes");
      }
      com.google.crypto.tink.Configuration config = RegistryConfiguration.get();
      return new Primitives(
          prf.getPrimitive(config, PrfSet.class),
          aead.getPrimitive(config, Aead.class),
          deterministic.getPrimitive(config, DeterministicAead.class),
          salt,
          prf.size());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new KeysetException(
          "the keyset could not be read: " + e.getClass().getSimpleName() + " (is it complete?)");
    }
  }

  private static KeysetHandle handle(JsonNode root, String name)
      throws KeysetException, GeneralSecurityException {
    JsonNode node = root.get(name);
    if (node == null || !node.isObject()) {
      throw new KeysetException("the keyset has no " + name + " keys");
    }
    return TinkJsonProtoKeysetFormat.parseKeyset(node.toString(), InsecureSecretKeyAccess.get());
  }

  private static JsonNode keysetNode(KeysetHandle handle) throws IOException, GeneralSecurityException {
    return JSON.readTree(
        TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
  }

  private static JsonNode rotate(JsonNode keyset, Parameters parameters)
      throws GeneralSecurityException, IOException {
    KeysetHandle old =
        TinkJsonProtoKeysetFormat.parseKeyset(keyset.toString(), InsecureSecretKeyAccess.get());
    KeysetHandle rotated =
        KeysetHandle.newBuilder(old)
            .addEntry(KeysetHandle.generateEntryFromParameters(parameters).withRandomId().makePrimary())
            .build();
    return keysetNode(rotated);
  }

  private record Primitives(
      PrfSet prf, Aead aead, DeterministicAead deterministic, byte[] salt, int keyCount) {}
}
