package org.datamesh.examples.contract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractInspection;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.relate.ContractRelationships;
import org.datamesh.core.relate.Relationship;
import org.datamesh.examples.cli.UsageException;
import org.datamesh.rules.contract.ContractProducts;

/**
 * The contract a command was given with {@code --contract}: loaded, mapped to a product, and every
 * problem turned into a usage error (exit 2) that lists each problem as {@code path (line N):
 * message}, never a stack trace.
 */
public final class ContractFile {

  /** Files larger than this are left to the loader, which refuses them without reading. */
  private static final long TEXT_CHECK_LIMIT = 4L * 1024 * 1024;

  private final Path file;

  private ContractFile(Path file) {
    this.file = file;
  }

  /** The file named by {@code --contract}, checked to be a readable file before YAML is read. */
  public static ContractFile of(String option) throws UsageException {
    if (option == null || option.isBlank()) {
      throw new UsageException("--contract is required: the product's ODCS contract (YAML file)");
    }
    Path file;
    try {
      file = Paths.get(option).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new UsageException("--contract is not a valid path: " + e.getReason());
    }
    // The loader would report these as "could not be read: NoSuchFileException"; say it plainly.
    if (!Files.exists(file)) {
      throw new UsageException("contract file not found: " + file);
    }
    if (Files.isDirectory(file)) {
      throw new UsageException("--contract names a folder, not a contract file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new UsageException("cannot read the contract " + file + " (permission denied)");
    }
    checkText(file);
    return new ContractFile(file);
  }

  /**
   * Refuses a file that is not UTF-8 text (an image, a jar given by mistake) in plain words: the
   * YAML parser's own message would name a Java exception and quote the bytes it choked on.
   */
  private static void checkText(Path file) throws UsageException {
    try {
      if (Files.size(file) > TEXT_CHECK_LIMIT) {
        return; // the loader refuses an oversized contract by its size, unread
      }
      byte[] bytes = Files.readAllBytes(file);
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      for (byte b : bytes) {
        if (b == 0) {
          throw new CharacterCodingException();
        }
      }
    } catch (CharacterCodingException e) {
      throw new UsageException("the contract " + file + " is not UTF-8 text (a binary file?)");
    } catch (IOException e) {
      throw new UsageException("cannot read the contract " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  public Path path() {
    return file;
  }

  /** The loaded contract; a contract that cannot be used is a usage error listing its problems. */
  DataContract load() throws UsageException {
    return load(null);
  }

  /**
   * The loaded contract, published under {@code domain} (the {@code --domain} option) when it
   * declares none; a contract that declares one may not be given another.
   */
  public DataContract load(@Nullable String domain) throws UsageException {
    DataContract contract = loaded();
    if (domain == null || domain.isBlank()) {
      return contract;
    }
    return withDomain(contract, domain);
  }

  private static DataContract withDomain(DataContract contract, String domain)
      throws UsageException {
    if (contract.domainDeclared()) {
      throw new UsageException(
          "the contract declares its domain, " + contract.domain() + "; --domain is only for"
              + " contracts that declare none");
    }
    return contract.withDomain(domain);
  }

  private DataContract loaded() throws UsageException {
    try {
      return ContractLoader.load(file);
    } catch (ContractException e) {
      throw refused(e.problems());
    } catch (RuntimeException e) {
      // A loader bug must not show a stack trace to someone who only gave it a file.
      throw new UsageException(
          "contract " + file + " could not be loaded (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The product {@code contract} declares, reading {@code format}. Mapping finds problems the
   * loader does not (an unknown {@code standardize} value, say): they are reported the same way.
   */
  ProductSpec spec(DataContract contract, RecordFormat.Kind format) throws UsageException {
    try {
      return ContractProducts.spec(contract, format);
    } catch (ContractException e) {
      throw refused(e.problems());
    }
  }

  /**
   * The spec of {@code table} of {@code contract}, reading {@code format}, protected with {@code
   * keys}; problems as {@link #spec}.
   */
  public ProductSpec spec(
      DataContract contract, ContractTable table, RecordFormat.Kind format, @Nullable DataKeys keys)
      throws UsageException {
    try {
      return ContractProducts.spec(contract, table, format, keys);
    } catch (ContractException e) {
      throw refused(e.problems());
    }
  }

  /** One spec per table, each reading its input's format; problems as {@link #spec}. */
  List<ProductSpec> specs(
      DataContract contract, List<TableInputs.TableInput> inputs, @Nullable DataKeys keys)
      throws UsageException {
    if (contract.tables().isEmpty()) {
      throw new UsageException(
          "contract " + file + " declares no table (its schema is empty): run has nothing to"
              + " publish");
    }
    List<ContractProblem> problems = new ArrayList<>();
    List<ProductSpec> specs = new ArrayList<>();
    for (TableInputs.TableInput input : inputs) {
      try {
        specs.add(ContractProducts.spec(contract, input.table(), input.format(), keys));
      } catch (ContractException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw refused(problems);
    }
    return specs;
  }

  /** The relationships a run checks; problems as {@link #spec}. */
  List<Relationship> relationships(DataContract contract) throws UsageException {
    try {
      return ContractRelationships.of(contract);
    } catch (ContractException e) {
      throw refused(e.problems());
    }
  }

  /**
   * Both answers about the contract: whether it is valid ODCS, and what run will do with it,
   * including what mapping each table to a product refuses; published under {@code domain} when
   * the contract declares none.
   */
  ContractInspection inspect(@Nullable String domain) throws UsageException {
    ContractInspection inspection;
    try {
      inspection = ContractLoader.inspect(file);
    } catch (RuntimeException e) {
      throw new UsageException(
          "contract " + file + " could not be loaded (" + e.getClass().getSimpleName() + ")");
    }
    DataContract contract = inspection.contract();
    if (contract == null) {
      return inspection;
    }
    if (domain != null && !domain.isBlank()) {
      contract = withDomain(contract, domain);
      inspection =
          new ContractInspection(
              inspection.source(), inspection.invalid(), inspection.refusals(),
              inspection.notices(), contract);
    }
    List<ContractProblem> refusals = new ArrayList<>();
    if (contract.tables().isEmpty()) {
      refusals.add(new ContractProblem("schema", 0, "declares no table: there is nothing to publish"));
    }
    // Keys change no mapping decision, and run is given the real ones: made up here, never saved.
    DataKeys anyKeys = DataKeys.generate();
    for (ContractTable table : contract.tables()) {
      try {
        // The input format does not change what mapping can refuse.
        ContractProducts.spec(contract, table, RecordFormat.Kind.CSV, anyKeys);
      } catch (ContractException e) {
        refusals.addAll(e.problems());
      }
    }
    try {
      ContractRelationships.of(contract);
    } catch (ContractException e) {
      refusals.addAll(e.problems());
    }
    return inspection.refusing(refusals);
  }

  UsageException refused(List<ContractProblem> problems) {
    return new UsageException(
        "contract " + file + " has " + problems.size()
            + (problems.size() == 1 ? " problem:" : " problems:"),
        problems.stream().map(ContractProblem::toString).toList());
  }
}
