package org.datamesh.core.record;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.failure.Violation;

/**
 * The per-record steps of a product, in order, run on each record where it is read.
 *
 * <pre>{@code
 * RecordPath path =
 *     RecordPath.of(StandardizationStep.of(standardizers), ValidationStep.of(rules));
 * StageResult records =
 *     files.apply(ParseCsv.of(rawSchema).forProduct("sales.orders").then(path));
 * }</pre>
 *
 * <p>Why one path instead of a transform per stage: a row handed from one transform to the next is
 * encoded and decoded by most runners (Flink copies it through its coder between chained
 * operators), and that cost dominated the orders product's profile. Here each record is parsed,
 * checked and rewritten as one array of values and becomes a {@code Row} once, at the end.
 *
 * <p>A record stops at the first step that reports an ERROR, and becomes a failure at that step's
 * stage listing everything that step found. WARN violations of a step the record passes are
 * reported as warnings, as the stage transforms do.
 */
public final class RecordPath implements Serializable {

  private static final RecordPath EMPTY = new RecordPath(List.of());

  private final List<RecordStep> steps;

  private RecordPath(List<RecordStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The path running {@code steps} in order. */
  public static RecordPath of(RecordStep... steps) {
    return new RecordPath(List.of(steps));
  }

  /** The path that does nothing: rows leave as parsed. */
  public static RecordPath empty() {
    return EMPTY;
  }

  /** Returns a path like this one with {@code step} run last. */
  public RecordPath then(RecordStep step) {
    List<RecordStep> all = new ArrayList<>(steps);
    all.add(step);
    return new RecordPath(all);
  }

  /** Returns a path running this one's steps, then {@code next}'s. */
  public RecordPath then(RecordPath next) {
    List<RecordStep> all = new ArrayList<>(steps);
    all.addAll(next.steps);
    return new RecordPath(all);
  }

  public List<RecordStep> steps() {
    return steps;
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** The schema of the rows leaving the path; throws, naming the step, if one cannot apply. */
  public Schema outputSchema(Schema input) {
    Schema schema = input;
    for (RecordStep step : steps) {
      schema = step.outputSchema(schema);
    }
    return schema;
  }

  /** What each step does, for display data. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (RecordStep step : steps) {
      for (String line : step.describe()) {
        lines.add(step.stage() + " " + line);
      }
    }
    return lines;
  }

  /** The path as functions over records of {@code input}; build once per worker. */
  public Compiled compile(Schema input) {
    List<CompiledStep> compiled = new ArrayList<>(steps.size());
    Schema schema = input;
    for (RecordStep step : steps) {
      compiled.add(step.compile(schema));
      schema = step.outputSchema(schema);
    }
    return new Compiled(steps, compiled);
  }

  /** The compiled path. Not thread-safe: one per DoFn instance. */
  public static final class Compiled {
    private final List<RecordStep> steps;
    private final CompiledStep[] compiled;
    private final RecordIssues issues = new RecordIssues();
    private @Nullable Object[] values;

    private Compiled(List<RecordStep> steps, List<CompiledStep> compiled) {
      this.steps = steps;
      this.compiled = compiled.toArray(new CompiledStep[0]);
    }

    /**
     * Runs every step on {@code record}'s values.
     *
     * @param warnings receives the rule id of each WARN violation of a step the record passed
     * @return null when the record passed every step ({@link #values()} then holds its output),
     *     else why it failed
     */
    public @Nullable StepFailure run(@Nullable Object[] record, Consumer<String> warnings) {
      Object[] current = record;
      for (int i = 0; i < compiled.length; i++) {
        issues.clear();
        current = compiled[i].apply(current, issues);
        if (issues.hasErrors()) {
          values = null;
          return new StepFailure(steps.get(i).stage(), issues.violations());
        }
        for (Violation violation : issues.view()) {
          if (violation.severity() != Severity.ERROR) {
            warnings.accept(violation.ruleId());
          }
        }
      }
      values = current;
      return null;
    }

    /** The output values of the record the last {@link #run} passed. */
    public @Nullable Object[] values() {
      if (values == null) {
        throw new IllegalStateException("the last record did not pass the path");
      }
      return values;
    }
  }
}
