package org.datamesh.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.KeysetException;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.examples.cli.UsageException;

/**
 * The demo's keyset: the mesh protects personal data (names, emails, phones, birth dates), which
 * needs keys, and a newcomer has none. The demo makes one in its output folder the first time,
 * owner-only like any keyset, reuses it on later runs (so tokens stay joinable across versions),
 * and says where it is.
 */
final class DemoKeyset {

  static final String FILE = "_keys/demo.keyset.json";

  private DemoKeyset() {}

  static DataKeys openOrCreate(Path output, PrintStream out) throws UsageException {
    Path file = output.resolve(FILE);
    try {
      if (Files.exists(file)) {
        out.println("Keyset: " + file + " (the demo's own, reused)");
        return KeysetFiles.read(file);
      }
      Files.createDirectories(file.getParent());
      DataKeys keys = KeysetFiles.create(file);
      out.println(
          "Keyset: made " + file + " to protect the mesh's personal data; keep it private (it"
              + " reveals protected values: keys --keyset=... --reveal=...)");
      return keys;
    } catch (KeysetException e) {
      throw new UsageException(e.getMessage());
    } catch (IOException e) {
      throw new UsageException(
          "cannot make the demo's keyset folder " + file.getParent() + " ("
              + e.getClass().getSimpleName() + ")");
    }
  }
}
