package org.datamesh.core.contract.odcs;

import java.util.ArrayList;
import java.util.List;

/** The problems found so far in one contract, in the order the check met them. */
final class Report {

  private final List<OdcsProblem> problems = new ArrayList<>();

  void add(Location where, String message) {
    problems.add(new OdcsProblem(where, message));
  }

  List<OdcsProblem> problems() {
    return List.copyOf(problems);
  }
}
