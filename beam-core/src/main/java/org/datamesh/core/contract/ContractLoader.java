package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads an ODCS v3 data contract: reads the YAML safely, validates it against the ODCS v3.1.0 JSON
 * Schema, then maps it to a {@link DataContract}.
 *
 * <pre>{@code
 * DataContract orders = ContractLoader.load(Path.of("contracts/sales-orders.odcs.yaml"));
 * Schema published = orders.publishedSchema();
 * }</pre>
 *
 * <p>Everything wrong with a contract is collected before giving up, so one {@link
 * ContractException} lists all of it, each problem with its path and line. Parts the library does
 * not support or enforce yet do not fail the load; they are listed in {@link
 * DataContract#notices()}.
 *
 * <p>The YAML is not trusted: a document over 4 MiB, nested deeper than 100 levels, with more
 * than 50 aliases, with aliases or tags at all, with a repeated key, or made of several documents
 * is refused.
 */
public final class ContractLoader {

  private ContractLoader() {}

  /** Loads the contract in {@code file}. */
  public static DataContract load(Path file) throws ContractException {
    String source = file.toString();
    byte[] yaml;
    try {
      if (Files.size(file) > SafeYamlReader.MAX_BYTES) {
        // Refused before reading, so a huge file costs nothing.
        throw new ContractException(
            source,
            List.of(
                new ContractProblem(
                    YamlPaths.ROOT,
                    0,
                    "the file is larger than " + SafeYamlReader.MAX_BYTES
                        + " bytes (4 MiB), the limit for a contract")));
      }
      yaml = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ContractException(
          source,
          List.of(
              new ContractProblem(
                  YamlPaths.ROOT, 0, "could not be read: " + e.getClass().getSimpleName())));
    }
    return parse(yaml, source);
  }

  /**
   * Parses a contract given as text.
   *
   * @param sourceName what to call the contract in messages, such as its file name
   */
  public static DataContract parse(String yaml, String sourceName) throws ContractException {
    return parse(yaml.getBytes(StandardCharsets.UTF_8), sourceName);
  }

  private static DataContract parse(byte[] yaml, String source) throws ContractException {
    Problems problems = new Problems();
    YamlDocument document = SafeYamlReader.read(yaml, problems);
    if (document == null) {
      throw new ContractException(source, problems.errors());
    }
    problems.useLines(document.lines());
    JsonNode root = document.root();
    OdcsSchemaValidator.validate(root, problems);
    DataContract contract = ContractReader.read(root, problems);
    if (contract == null) {
      throw new ContractException(source, problems.errors());
    }
    return contract;
  }
}
