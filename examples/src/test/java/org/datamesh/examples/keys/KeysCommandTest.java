package org.datamesh.examples.keys;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

  @TempDir Path dir;

  @Test
  void keysCreatesOnceThenLeavesTheKeysetAlone() throws Exception {
    Path file = dir.resolve("secure/keyset.json");

    CliOutcome created = CliOutcome.run("keys", "--keyset=" + file);
    assertThat(created.err(), created.status(), is(ExitCode.OK));
    assertThat(created.out(), containsString("Created " + file));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), equalTo("rw-------"));
    String json = Files.readString(file);

    CliOutcome again = CliOutcome.run("keys", "--keyset=" + file);
    assertThat(again.status(), is(ExitCode.OK));
    assertThat(again.out(), containsString("(1 keys); nothing changed"));
    assertThat(Files.readString(file), equalTo(json));
    assertThat("no key material is printed", created.out() + again.out(), not(containsString("\"value\"")));
  }

  @Test
  void rotateAddsAKeyAndRevealReadsOldValues() throws Exception {
    Path file = dir.resolve("keyset.json");
    DataKeys keys = KeysetFiles.create(file);
    String encrypted = Encrypted.of(keys, "ada.lovelace@example.com");

    CliOutcome rotated = CliOutcome.run("keys", "--keyset=" + file, "--rotate");
    assertThat(rotated.err(), rotated.status(), is(ExitCode.OK));
    assertThat(rotated.out(), containsString("2 keys now"));

    CliOutcome revealed = CliOutcome.run("keys", "--keyset=" + file, "--reveal=" + encrypted);
    assertThat(revealed.err(), revealed.status(), is(ExitCode.OK));
    assertThat(revealed.out().trim(), equalTo("ada.lovelace@example.com"));
  }

  @Test
  void mistakesAreOneLineAndExitTwo() throws Exception {
    assertThat(CliOutcome.run("keys").status(), is(ExitCode.USAGE));
    Path file = dir.resolve("keyset.json");
    KeysetFiles.create(file);

    CliOutcome token = CliOutcome.run("keys", "--keyset=" + file, "--reveal=tok:0000abcd:xyz");
    assertThat(token.status(), is(ExitCode.USAGE));
    assertThat(token.err(), containsString("cannot be read back"));

    CliOutcome foreign =
        CliOutcome.run(
            "keys", "--keyset=" + file, "--reveal=" + Encrypted.of(DataKeys.generate(), "x"));
    assertThat(foreign.status(), is(ExitCode.USAGE));
    assertThat(foreign.err(), containsString("not encrypted with this keyset"));

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
    CliOutcome open = CliOutcome.run("keys", "--keyset=" + file, "--rotate");
    assertThat(open.status(), is(ExitCode.USAGE));
    assertThat(open.err(), allOf(containsString("chmod 600"), not(containsString("Exception"))));
  }
}
