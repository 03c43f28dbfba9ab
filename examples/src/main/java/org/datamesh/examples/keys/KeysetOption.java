package org.datamesh.examples.keys;

import java.nio.file.Path;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractProtection;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.KeysetException;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.examples.cli.UsageException;

/**
 * Where the command line finds its keyset: {@code --keyset=PATH}, else the environment variable
 * {@value #ENVIRONMENT}. Never the contract: a contract is shared and published, a keyset is not.
 */
public final class KeysetOption {

  /** The environment variable naming the keyset file when {@code --keyset} is not given. */
  public static final String ENVIRONMENT = "DATAMESH_KEYSET";

  private KeysetOption() {}

  /** The keyset file named by {@code option} or the environment; null when neither names one. */
  public static @Nullable Path path(@Nullable String option, Map<String, String> environment) {
    if (option != null && !option.isBlank()) {
      return Path.of(option);
    }
    String named = environment.get(ENVIRONMENT);
    return named == null || named.isBlank() ? null : Path.of(named);
  }

  /** The keys of the keyset file {@code option} or the environment names; null when none is named. */
  public static @Nullable DataKeys read(@Nullable String option) throws UsageException {
    Path file = path(option, System.getenv());
    if (file == null) {
      return null;
    }
    try {
      return KeysetFiles.read(file);
    } catch (KeysetException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The keys of {@code option} or the environment; null when the contract protects no column and
   * none is named. A contract that protects columns without a keyset is a usage error naming the
   * first protected column's path, before anything is read or written.
   */
  public static @Nullable DataKeys forContract(
      DataContract contract, @Nullable String option, Path contractFile) throws UsageException {
    DataKeys keys = read(option);
    if (keys != null) {
      return keys;
    }
    for (ContractTable table : contract.tables()) {
      String path = ContractProtection.firstProtectedPath(table);
      if (path != null) {
        throw new UsageException(
            "contract " + contractFile + " protects columns (" + path + ": classification or"
                + " protection) and no keyset is given: use --keyset=PATH or " + ENVIRONMENT
                + "=PATH (create one with: keys --keyset=PATH)");
      }
    }
    return null;
  }
}
