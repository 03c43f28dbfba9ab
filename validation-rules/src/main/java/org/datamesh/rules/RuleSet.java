package org.datamesh.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.failure.Violation;

/**
 * An ordered, immutable set of {@link Rule}s evaluated together; rule ids are unique within it.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.of(Rules.notNull("order_id"), Rules.atLeast("amount", 0));
 * List<Violation> violations = rules.evaluate(row);
 * }</pre>
 */
public final class RuleSet implements Serializable {

  private final List<Rule> rules;

  private RuleSet(List<Rule> rules) {
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException(
            "two rules share the id " + rule.id() + "; give one of them another with withId(...)");
      }
    }
    this.rules = List.copyOf(rules);
  }

  public static RuleSet of(Rule... rules) {
    return new RuleSet(List.of(rules));
  }

  public static RuleSet of(List<Rule> rules) {
    return new RuleSet(rules);
  }

  /** Returns a rule set like this one with {@code rule} added. */
  public RuleSet and(Rule rule) {
    List<Rule> all = new ArrayList<>(rules);
    all.add(rule);
    return new RuleSet(all);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** Throws, naming the rule, if any rule cannot apply to rows of {@code schema}. */
  public void checkApplicable(Schema schema) {
    rules.forEach(rule -> rule.checkApplicable(schema));
  }

  /** Every rule {@code row} breaks, in rule order; empty if it keeps them all. */
  public List<Violation> evaluate(Row row) {
    List<Violation> violations = new ArrayList<>(0);
    for (Rule rule : rules) {
      Violation violation = rule.evaluate(row);
      if (violation != null) {
        violations.add(violation);
      }
    }
    return violations;
  }
}
