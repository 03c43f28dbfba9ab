package org.datamesh.core.evolution;

import java.util.stream.Collectors;

/**
 * A product's new schema would break consumers of its published version, and its major version
 * did not go up. Thrown before the pipeline runs, so nothing is written.
 */
public final class BreakingChangeException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final EvolutionReport report;

  public BreakingChangeException(String product, EvolutionReport report) {
    super(
        product
            + ": version "
            + report.newVersion()
            + " breaks consumers of the published version "
            + report.publishedVersion()
            + "; raise the major version to publish it anyway. Breaking changes:"
            + report.breakingChanges().stream()
                .map(c -> "\n  " + c.kind() + ": " + c.description())
                .collect(Collectors.joining()));
    this.report = report;
  }

  /** Every change found, breaking or not. */
  public EvolutionReport report() {
    return report;
  }
}
