package org.datamesh.core.contract.odcs;

import java.util.List;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractProblem;

/**
 * Runs the ODCS check on a contract made of the five required keys (lines 1 to 5) and the YAML
 * under test (from line 6), and gives its problems as printed: {@code path (line N): message}.
 *
 * <pre>{@code
 * assertThat(OdcsChecks.problems("domain: 7\n"), contains("domain (line 6): must be a string, not a number"));
 * }</pre>
 */
final class OdcsChecks {

  static final String REQUIRED =
      "apiVersion: v3.1.0\nkind: DataContract\nid: c-1\nversion: 1.0.0\nstatus: active\n";

  private OdcsChecks() {}

  /** The problems of the required keys followed by {@code yaml}. */
  static List<String> problems(String yaml) {
    return whole(REQUIRED + yaml);
  }

  /** The problems of {@code yaml} as the whole contract. */
  static List<String> whole(String yaml) {
    return ContractLoader.checkOdcs(yaml).stream().map(ContractProblem::toString).toList();
  }
}
