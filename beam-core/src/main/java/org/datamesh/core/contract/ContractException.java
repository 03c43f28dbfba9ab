package org.datamesh.core.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A contract could not be loaded; {@link #problems()} lists everything found wrong, not just the
 * first thing.
 *
 * <pre>{@code
 * try {
 *   ContractLoader.load(path);
 * } catch (ContractException e) {
 *   e.problems().forEach(p -> log.error("{}", p));
 * }
 * }</pre>
 */
public final class ContractException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<ContractProblem> problems;

  ContractException(String source, List<ContractProblem> problems) {
    super(message(source, problems), null, false, false);
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** A contract problem found after loading, while mapping it to a product. */
  public static ContractException of(String source, List<ContractProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a contract exception needs a problem");
    }
    return new ContractException(source, problems);
  }

  /** The file or name the contract was read from. */
  public String source() {
    return source;
  }

  /** Every problem found, in document order where known. */
  public List<ContractProblem> problems() {
    return problems;
  }

  private static String message(String source, List<ContractProblem> problems) {
    return problems.stream()
        .map(ContractProblem::toString)
        .collect(
            Collectors.joining(
                "\n", "contract " + source + " has " + problems.size() + " problem(s):\n", ""));
  }
}
