package org.datamesh.core.protect;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.record.CompiledStep;
import org.datamesh.core.record.RecordIssues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysetFilesTest {

  @TempDir Path dir;

  private static final Schema SCHEMA = Schema.builder().addNullableField("v", FieldType.STRING).build();

  private static String protect(DataKeys keys, FieldProtection protection, String value) {
    CompiledStep step = ProtectionStep.of(keys, protection).compile(SCHEMA);
    return (String) step.apply(new Object[] {value}, new RecordIssues())[0];
  }

  @Test
  void aCreatedKeysetIsReadableByItsOwnerOnlyAndReadsBack() throws Exception {
    Path file = dir.resolve("keys/datamesh.keyset.json");
    DataKeys created = KeysetFiles.create(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), equalTo("rw-------"));
    DataKeys read = KeysetFiles.read(file);
    assertThat(read.keyCount(), is(1));
    assertThat(
        protect(read, FieldProtection.tokenize("v"), "ada@example.com"),
        equalTo(protect(created, FieldProtection.tokenize("v"), "ada@example.com")));
    try (var files = Files.list(file.getParent())) {
      assertThat("no temporary file is left", files.count(), is(1L));
    }
  }

  @Test
  void aKeysetOthersCanReadIsRefusedNamingTheFix() throws Exception {
    Path file = dir.resolve("open.json");
    KeysetFiles.create(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    KeysetException refused = assertThrows(KeysetException.class, () -> KeysetFiles.read(file));
    assertThat(refused.getMessage(), allOf(containsString("rw-r--r--"), containsString("chmod 600")));
  }

  @Test
  void anExistingKeysetIsNeverOverwrittenByCreate() throws Exception {
    Path file = dir.resolve("k.json");
    KeysetFiles.create(file);
    String before = Files.readString(file);

    KeysetException refused = assertThrows(KeysetException.class, () -> KeysetFiles.create(file));
    assertThat(refused.getMessage(), containsString("--rotate"));
    assertThat(Files.readString(file), equalTo(before));
  }

  @Test
  void aMissingOrForeignFileIsAClearMessageWithoutKeyMaterial() throws Exception {
    KeysetException missing =
        assertThrows(KeysetException.class, () -> KeysetFiles.read(dir.resolve("none.json")));
    assertThat(missing.getMessage(), containsString("keys --keyset="));

    Path foreign = dir.resolve("foreign.json");
    Files.writeString(foreign, "{\"primaryKeyId\": 1, \"key\": []}");
    Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rw-------"));
    KeysetException refused = assertThrows(KeysetException.class, () -> KeysetFiles.read(foreign));
    assertThat(refused.getMessage(), containsString("not a datamesh keyset"));
  }

  @Test
  void rotationAddsAPrimaryKeyAndKeepsOldValuesReadable() throws Exception {
    Path file = dir.resolve("k.json");
    DataKeys before = KeysetFiles.create(file);
    String encrypted = protect(before, FieldProtection.encrypt("v"), "+49 30 1234567");
    String deterministic = protect(before, FieldProtection.encryptDeterministically("v"), "DE-1");
    String oldToken = protect(before, FieldProtection.tokenize("v"), "C-1");
    String oldHash = protect(before, FieldProtection.hash("v"), "C-1");

    DataKeys after = KeysetFiles.rotate(file);

    assertThat(after.keyCount(), is(2));
    assertThat(KeysetFiles.read(file).keyCount(), is(2));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), equalTo("rw-------"));
    assertThat(ProtectedText.reveal(after, encrypted), equalTo("+49 30 1234567"));
    assertThat(ProtectedText.reveal(after, deterministic), equalTo("DE-1"));
    String newToken = protect(after, FieldProtection.tokenize("v"), "C-1");
    assertThat("a new token names the new key", newToken, not(equalTo(oldToken)));
    assertThat(newToken.split(":")[1], not(equalTo(oldToken.split(":")[1])));
    assertThat("hashes survive rotation", protect(after, FieldProtection.hash("v"), "C-1"), equalTo(oldHash));
    assertThat(ProtectedText.reveal(after, protect(after, FieldProtection.encrypt("v"), "x")), equalTo("x"));
  }

  @Test
  void keysNeverShowTheirMaterial() {
    DataKeys keys = DataKeys.generate();
    assertThat(keys.toString(), equalTo("DataKeys[redacted]"));
    assertThat(keys.toJson(), startsWith("{\"format\":\"datamesh-keyset/1\""));
  }
}
