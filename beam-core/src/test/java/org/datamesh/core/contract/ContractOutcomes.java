package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What loading untrusted bytes as a contract may end in, checked: a {@link DataContract} that the
 * rest of the library can use, or a {@link ContractException} whose every problem has a path, a
 * line and a message. Any other exception escapes the check and fails the calling test.
 *
 * <pre>{@code
 * ContractOutcomes.Outcome outcome = ContractOutcomes.load(folder, yamlBytes);
 * Statistics.collect(outcome);
 * }</pre>
 */
final class ContractOutcomes {

  /** How a load ended. */
  enum Outcome {
    /** A contract, and its schemas, key and standardization built from it. */
    LOADED,
    /** Loaded, but its standardization was refused with a {@link ContractException}. */
    LOADED_STANDARDIZATION_REFUSED,
    /** Refused with a {@link ContractException}. */
    REFUSED
  }

  private ContractOutcomes() {}

  /** Loads {@code yaml} from a file in {@code folder}, as {@code ContractLoader.load} reads one. */
  static Outcome load(Path folder, byte[] yaml) {
    Path file;
    try {
      file = Files.write(Files.createTempFile(folder, "contract", ".yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return use(ContractLoader.load(file));
    } catch (ContractException e) {
      checkProblems(e, yaml);
      return Outcome.REFUSED;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("loading escaped with " + e + " on:\n" + shown(yaml), e);
    } finally {
      file.toFile().delete();
    }
  }

  /** What products built from a contract ask of it; only a ContractException may come out. */
  private static Outcome use(DataContract contract) {
    contract.product();
    try {
      for (ContractTable table : contract.tables()) {
        table.publishedSchema();
        table.primaryKey();
        table.partitionKeys();
        table.latestBy();
        ContractStandardization.rawSchema(contract, table);
        ContractStandardization.step(contract, table);
      }
      return Outcome.LOADED;
    } catch (ContractException e) {
      checkProblems(e, new byte[0]);
      return Outcome.LOADED_STANDARDIZATION_REFUSED;
    }
  }

  /** The document as text, bytes that are not printable UTF-8 escaped, cut at 4,000 characters. */
  static String shown(byte[] yaml) {
    String text = new String(yaml, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(4000).forEach(c -> {
      if (c == '\n' || (c >= ' ' && c != 0xFFFD && !Character.isISOControl(c))) {
        out.appendCodePoint(c);
      } else {
        out.append(String.format("\\x{%x}", c));
      }
    });
    return out.toString();
  }

  private static void checkProblems(ContractException e, byte[] yaml) {
    List<ContractProblem> problems = e.problems();
    assertThat("a refusal says why", problems, is(not(empty())));
    checkProblems(problems, yaml);
  }

  /** Each problem has a path, a line (0 when unknown) and a message. */
  static void checkProblems(List<ContractProblem> problems, byte[] yaml) {
    for (ContractProblem problem : problems) {
      String where = problem + " for:\n" + shown(yaml);
      assertThat(where, problem.path(), not(blankOrNullString()));
      assertThat(where, problem.line(), greaterThanOrEqualTo(0));
      assertThat(where, problem.message(), not(blankOrNullString()));
    }
  }
}
