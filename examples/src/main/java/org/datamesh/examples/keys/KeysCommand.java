package org.datamesh.examples.keys;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.KeysetException;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.core.protect.ProtectedText;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.UsageException;

/**
 * {@code datamesh keys --keyset=PATH [--rotate] [--reveal=VALUE]}: creates the keyset that
 * protects classified columns, rotates it, or reads an encrypted value back.
 *
 * <pre>{@code
 * java -jar examples/target/datamesh.jar keys --keyset=$HOME/.datamesh/keyset.json
 * java -jar examples/target/datamesh.jar keys --keyset=$HOME/.datamesh/keyset.json --rotate
 * java -jar examples/target/datamesh.jar keys --keyset=... --reveal='enc:AXrB...'
 * }</pre>
 *
 * <p>Without {@code --rotate} or {@code --reveal}, an existing keyset is left as it is and
 * described (how many keys), so running the command twice is harmless. Key material is never
 * printed.
 */
public final class KeysCommand implements Command {

  @Override
  public String name() {
    return "keys";
  }

  @Override
  public String summary() {
    return "Create or rotate the keyset protecting classified columns, or reveal an encrypted value";
  }

  @Override
  public Class<KeysOptions> optionsType() {
    return KeysOptions.class;
  }

  @Override
  public boolean takesBeamOptions() {
    return false;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    KeysOptions options = Options.parse(args, KeysOptions.class);
    Path file = KeysetOption.path(options.getKeyset(), System.getenv());
    if (file == null) {
      throw new UsageException(
          "keys needs --keyset=PATH (or " + KeysetOption.ENVIRONMENT + "): the keyset file to"
              + " create, rotate or read");
    }
    if (options.getRotate() && options.getReveal() != null) {
      throw new UsageException("--rotate and --reveal are separate steps: give one of them");
    }
    try {
      if (options.getReveal() != null) {
        return reveal(KeysetFiles.read(file), options.getReveal(), out);
      }
      if (options.getRotate()) {
        DataKeys rotated = KeysetFiles.rotate(file);
        out.println(
            "Rotated " + file + ": a new primary key in each keyset (" + rotated.keyCount()
                + " keys now). New values use it; values protected before stay readable. Tokens"
                + " change with the key: republish products that are joined on tokens.");
        return ExitCode.OK;
      }
      if (Files.exists(file)) {
        DataKeys keys = KeysetFiles.read(file);
        out.println("A keyset exists at " + file + " (" + keys.keyCount() + " keys); nothing changed.");
        return ExitCode.OK;
      }
      KeysetFiles.create(file);
      out.println(
          "Created " + file + " (readable by you only). Keep it secret and backed up: values"
              + " encrypted with it cannot be read without it. Use it with --keyset=" + file
              + " or " + KeysetOption.ENVIRONMENT + "=" + file + ".");
      return ExitCode.OK;
    } catch (KeysetException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static int reveal(DataKeys keys, String value, PrintStream out) throws UsageException {
    try {
      out.println(ProtectedText.reveal(keys, value.trim()));
      return ExitCode.OK;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new UsageException(
          "the value was not encrypted with this keyset, or it was changed or cut");
    }
  }
}
