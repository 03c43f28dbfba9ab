package org.datamesh.core.record;

import java.util.List;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;

/** Why a record left the record path: the stage that stopped it and everything that stage found. */
public record StepFailure(Stage stage, List<Violation> violations) {}
