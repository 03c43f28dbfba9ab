package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.datamesh.core.contract.odcs.OdcsProblem;
import org.datamesh.core.contract.odcs.OdcsStructure;

/**
 * Adds what {@link OdcsStructure} finds to a contract's problems, at paths written as all contract
 * problems are ({@link YamlPaths}) and with their lines.
 */
final class OdcsCheck {

  private OdcsCheck() {}

  static void check(JsonNode root, Problems problems) {
    Set<ContractProblem> found = new LinkedHashSet<>();
    for (OdcsProblem problem : OdcsStructure.check(root)) {
      String path = problem.where().render(YamlPaths.ROOT, YamlPaths::key, YamlPaths::index);
      found.add(new ContractProblem(path, problems.lineOf(path), problem.message()));
    }
    // A value the YAML reader refused (an alias, say) has been reported already, and read as null.
    found.removeIf(p -> problems.hasErrorAt(p.path()));
    found.stream()
        .sorted(Comparator.comparingInt(ContractProblem::line))
        .forEach(p -> problems.error(p.path(), p.line(), p.message()));
  }
}
