package org.datamesh.core.contract.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Whether a contract is valid ODCS v3: every section, key, type, enum and pattern the standard
 * defines, checked by hand-written rules rather than a JSON Schema at run time.
 *
 * <pre>{@code
 * List<OdcsProblem> problems = OdcsStructure.check(yamlTree);
 * problems.isEmpty();   // valid ODCS v3
 * }</pre>
 *
 * <p>The rules are those of the ODCS v3.1.0 JSON Schema (which keeps the v3.0 forms it deprecates,
 * such as {@code team} as a list), applied to every {@code apiVersion} from v3.0.0 to v3.1.0. Keys
 * the standard does not define are problems exactly where its schema forbids them; where it leaves
 * a mapping open ({@code description}, a rule's {@code arguments}, a custom rule's {@code
 * implementation}, a boolean's {@code logicalTypeOptions}), any key is accepted. What a data
 * product needs beyond the standard is not checked here.
 */
public final class OdcsStructure {

  private OdcsStructure() {}

  /** Every way {@code contract}, a YAML tree, breaks the ODCS v3 structure, in document order. */
  public static List<OdcsProblem> check(JsonNode contract) {
    Report report = new Report();
    Fundamentals.CONTRACT.check(contract, Location.root(), report);
    return report.problems();
  }

  /** The {@code apiVersion} values accepted, newest first. */
  public static List<String> apiVersions() {
    return List.of(Fundamentals.API_VERSIONS);
  }
}
