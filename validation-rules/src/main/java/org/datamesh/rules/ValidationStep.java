package org.datamesh.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.record.CompiledStep;
import org.datamesh.core.record.RecordIssues;
import org.datamesh.core.record.RecordStep;

/**
 * A {@link RuleSet} as a step of a product's record path: every rule is checked against the
 * record's values, each rule's field resolved to its index once.
 *
 * <pre>{@code
 * files.apply(ParseCsv.of(rawSchema).then(StandardizationStep.of(...), ValidationStep.of(rules)));
 * }</pre>
 *
 * <p>The same step runs inside {@link Validate}, so a rule behaves the same in a hand-composed
 * pipeline and in the fused record path.
 */
public final class ValidationStep implements RecordStep {

  private final RuleSet rules;

  private ValidationStep(RuleSet rules) {
    this.rules = rules;
  }

  public static ValidationStep of(RuleSet rules) {
    return new ValidationStep(rules);
  }

  public RuleSet rules() {
    return rules;
  }

  @Override
  public Stage stage() {
    return Stage.VALIDATE;
  }

  @Override
  public Schema outputSchema(Schema input) {
    rules.checkApplicable(input);
    return input;
  }

  @Override
  public CompiledStep compile(Schema input) {
    rules.checkApplicable(input);
    // Resolved here, once per worker: field indices, and CEL programs, which are not
    // serializable and so never travel with the step.
    List<Rule> all = rules.rules();
    Rule.Evaluator[] compiled = new Rule.Evaluator[all.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = all.get(i).compile(input);
    }
    return (values, issues) -> check(compiled, values, issues);
  }

  private static Object[] check(
      Rule.Evaluator[] rules, @Nullable Object[] values, RecordIssues issues) {
    for (Rule.Evaluator rule : rules) {
      Violation violation = rule.evaluate(values);
      if (violation != null) {
        issues.add(violation);
      }
    }
    return values;
  }

  @Override
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      lines.add(rule.toString());
    }
    return lines;
  }
}
