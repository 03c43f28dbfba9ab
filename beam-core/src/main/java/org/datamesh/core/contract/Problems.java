package org.datamesh.core.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects what is wrong with a contract (errors) and what it holds that is not supported or not
 * enforced yet (notices), so a contract's author sees everything at once rather than one problem
 * per attempt.
 */
final class Problems {

  private final List<ContractProblem> errors = new ArrayList<>();
  private final List<ContractProblem> notices = new ArrayList<>();
  private Map<String, Integer> lines = Map.of();

  /** Lines of the document's paths, from now on used for problems added without a line. */
  void useLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  void error(String path, int line, String message) {
    errors.add(new ContractProblem(path, line, message));
  }

  void error(String path, String message) {
    error(path, lineOf(path), message);
  }

  void notice(String path, String message) {
    notices.add(new ContractProblem(path, lineOf(path), message));
  }

  boolean hasErrorAt(String path) {
    return errors.stream().anyMatch(p -> p.path().equals(path));
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  List<ContractProblem> errors() {
    return List.copyOf(errors);
  }

  List<ContractProblem> notices() {
    return List.copyOf(notices);
  }

  /**
   * The line of {@code path}, or of its nearest ancestor present in the document (a missing key is
   * reported where its parent is); 0 when only the document itself is left.
   */
  int lineOf(String path) {
    for (String p = path; !YamlPaths.ROOT.equals(p); p = YamlPaths.parent(p)) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
    }
    return 0;
  }
}
