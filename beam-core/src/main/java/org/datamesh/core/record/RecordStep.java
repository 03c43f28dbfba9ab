package org.datamesh.core.record;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.datamesh.core.failure.Stage;

/**
 * One per-record step of a product's flow (validation, standardization, ...), as a plain function
 * over one record's field values. The stage transforms users compose by hand ({@code Validate},
 * {@code Standardize}) and the fused record path ({@link RecordPath}) run the same step, so each
 * rule has one implementation.
 *
 * <pre>{@code
 * RecordPath path = RecordPath.of(StandardizationStep.of(standardizers), ValidationStep.of(rules));
 * files.apply(ParseCsv.of(rawSchema).forProduct("sales.orders").then(path));
 * }</pre>
 *
 * <p>A step is an immutable, serializable description; {@link #compile} turns it into the
 * function that runs per record, with field indices, patterns and formatters resolved once.
 */
public interface RecordStep extends Serializable {

  /** The stage a record failing this step is quarantined at. */
  Stage stage();

  /**
   * The schema of the values after this step, given the schema before it; throws, naming the
   * problem, when the step cannot apply to such records (a rule about a missing field).
   */
  Schema outputSchema(Schema input);

  /** The step as a function over records of {@code input}, resolved once per worker. */
  CompiledStep compile(Schema input);

  /** What the step does, one line per rule or standardizer, for display data. */
  List<String> describe();
}
