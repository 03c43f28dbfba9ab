package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Set;

/**
 * Compares our verdict on a contract (valid ODCS or not: {@link ContractLoader#checkOdcs}) with the
 * official JSON Schema's ({@link OdcsOracle}), on the same YAML tree.
 *
 * <pre>{@code
 * OdcsVerdicts.Verdict verdict = OdcsVerdicts.compare(oracle, yamlBytes);  // fails on disagreement
 * Statistics.collect(verdict);
 * }</pre>
 *
 * <p>One difference is intended: the schema lists the ODCS v2.2 versions as {@code apiVersion},
 * which datamesh-beam refuses (docs/contracts.md says why), so a contract naming one is expected
 * to be refused by us whatever the schema says.
 *
 * <p>One difference is the oracle's: json-schema-validator 1.0.87 does not apply {@code
 * additionalProperties: false} to keys starting with {@code #} (a role with a key {@code "#note"}
 * passes), although JSON Schema makes no exception for them. Where it misses only such keys, and we
 * report only those, the verdicts count as agreeing, as {@link Verdict#ORACLE_MISSED_HASH_KEY}.
 */
final class OdcsVerdicts {

  /** How a comparison ended (a disagreement fails instead). */
  enum Verdict {
    BOTH_VALID,
    BOTH_INVALID,
    /** Refused before any ODCS question: not YAML, or YAML a contract may not use (aliases...). */
    NOT_READABLE_YAML,
    /** We refuse only keys starting with '#' that the oracle fails to see (see above). */
    ORACLE_MISSED_HASH_KEY
  }

  private static final Set<String> ODCS_V2 = Set.of("v2.2.0", "v2.2.1", "v2.2.2");

  private OdcsVerdicts() {}

  static Verdict compare(OdcsOracle oracle, byte[] yaml) {
    List<ContractProblem> ours = ContractLoader.checkOdcs(yaml);
    Problems yamlProblems = new Problems();
    YamlDocument document = SafeYamlReader.read(yaml, yamlProblems);
    if (document == null || yamlProblems.hasErrors()) {
      assertThat("refused as YAML, so not valid ODCS either", ours, is(not(empty())));
      return Verdict.NOT_READABLE_YAML;
    }
    List<String> official = oracle.problems(document.root());
    boolean v2 = ODCS_V2.contains(document.root().path("apiVersion").asText(""));
    boolean expectedValid = official.isEmpty() && !v2;
    if (expectedValid && !ours.isEmpty() && ours.stream().allMatch(OdcsVerdicts::isHashKey)) {
      return Verdict.ORACLE_MISSED_HASH_KEY;
    }
    if (ours.isEmpty() != expectedValid) {
      throw new AssertionError(
          (ours.isEmpty() ? "we accept" : "we refuse") + " what the ODCS JSON Schema "
              + (official.isEmpty() ? "accepts" : "refuses")
              + "\nours: " + ours
              + "\nJSON Schema: " + official
              + "\ndocument:\n" + ContractOutcomes.shown(yaml));
    }
    return expectedValid ? Verdict.BOTH_VALID : Verdict.BOTH_INVALID;
  }

  /** An unknown key starting with '#', such as {@code roles[0].#note}. */
  private static boolean isHashKey(ContractProblem problem) {
    String path = problem.path();
    return path.substring(path.lastIndexOf('.') + 1).startsWith("#")
        && problem.message().startsWith("not a key ODCS allows");
  }
}
