package org.datamesh.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.record.RecordPath;
import org.datamesh.core.record.StepFailure;

/**
 * Checks every row against a {@link RuleSet}. A row that breaks an ERROR rule becomes a {@link
 * Failure} at stage {@code VALIDATE} listing every rule it broke (WARN ones included); a row that
 * breaks only WARN rules is kept, and each WARN rule's hits are counted.
 *
 * <pre>{@code
 * ValidationResult validated =
 *     rows.apply(Validate.with(rules).forProduct("sales.orders"));
 * validated.rows();           // rows to carry on with
 * validated.failures();       // to the quarantine
 * validated.warningCounts();  // KV(ruleId, hits) for the quality summary
 * }</pre>
 *
 * <p>Rules are checked against the rows' schema when the pipeline is built, so a rule about a
 * missing field, or a range on a text field, fails at construction rather than mid-run.
 */
public final class Validate extends PTransform<PCollection<Row>, ValidationResult> {

  static final String METRICS_NAMESPACE = "datamesh.validate";

  private final RuleSet rules;
  private final String product;

  private Validate(RuleSet rules, String product) {
    this.rules = rules;
    this.product = product;
  }

  /** Validates rows against {@code rules}. */
  public static Validate with(RuleSet rules) {
    return new Validate(rules, "unnamed");
  }

  /** Returns a {@link Validate} like this one but naming {@code product} in its failures. */
  public Validate forProduct(String product) {
    return new Validate(rules, product);
  }

  @Override
  public ValidationResult expand(PCollection<Row> rows) {
    rules.checkApplicable(rows.getSchema());
    TupleTag<Row> valid = new TupleTag<>() {};
    TupleTag<Failure> failures = new TupleTag<>() {};
    TupleTag<String> warnings = new TupleTag<>() {};
    PCollectionTuple result =
        rows.apply(
            "CheckRules",
            ParDo.of(new ValidateFn(rules, rows.getSchema(), product, valid, failures, warnings))
                .withOutputTags(valid, TupleTagList.of(failures).and(warnings)));
    result.get(valid).setRowSchema(rows.getSchema());
    PCollection<KV<String, Long>> warningCounts =
        result.get(warnings).apply("CountWarnings", Count.perElement());
    return new ValidationResult(
        StageResult.in(result, valid, failures), new TupleTag<>("warningCounts") {}, warningCounts);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("product", product).withLabel("Product"));
    for (Rule rule : rules.rules()) {
      builder.add(
          DisplayData.item("rule." + rule.id(), rule.severity() + ": " + rule.description())
              .withLabel("Rule " + rule.id()));
    }
  }

  /** Runs the same {@link ValidationStep} as the fused record path, on rows. */
  private static final class ValidateFn extends DoFn<Row, Row> {
    private final RuleSet rules;
    private final Schema input;
    private final String product;
    private final TupleTag<Row> valid;
    private final TupleTag<Failure> failures;
    private final TupleTag<String> warnings;
    private final Counter failed = Metrics.counter(METRICS_NAMESPACE, "failures");
    private transient Map<String, Counter> hitsByRule;
    private transient RecordPath.Compiled compiled;

    ValidateFn(
        RuleSet rules,
        Schema input,
        String product,
        TupleTag<Row> valid,
        TupleTag<Failure> failures,
        TupleTag<String> warnings) {
      this.rules = rules;
      this.input = input;
      this.product = product;
      this.valid = valid;
      this.failures = failures;
      this.warnings = warnings;
    }

    @Setup
    public void setup() {
      hitsByRule = new HashMap<>();
      for (Rule rule : rules.rules()) {
        hitsByRule.put(rule.id(), Metrics.counter(METRICS_NAMESPACE, "rule." + rule.id()));
      }
      compiled = RecordPath.of(ValidationStep.of(rules)).compile(input);
    }

    @ProcessElement
    public void process(@Element Row row, MultiOutputReceiver out) {
      List<String> warned = new ArrayList<>(0);
      StepFailure stopped = compiled.run(row.getValues().toArray(), warned::add);
      if (stopped != null) {
        failed.inc();
        stopped.violations().forEach(v -> hitsByRule.get(v.ruleId()).inc());
        out.get(failures).output(Failure.ofRow(Stage.VALIDATE, product, stopped.violations(), row));
        return;
      }
      for (String ruleId : warned) {
        hitsByRule.get(ruleId).inc();
        out.get(warnings).output(ruleId);
      }
      out.get(valid).output(row);
    }
  }
}
