package org.datamesh.core.standardize;

import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
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
 * Puts rows into canonical form, field by field; a row any standardizer cannot handle becomes a
 * {@link Failure} at stage {@code STANDARDIZE} listing every field that failed.
 *
 * <pre>{@code
 * StageResult standardized =
 *     validRows.apply(
 *         Standardize.fields(
 *                 Standardizers.upperCase("currency"),
 *                 Standardizers.timestampUtc("order_ts"),
 *                 Standardizers.currencyAmount("amount", "currency"))
 *             .forProduct("sales.orders"));
 * }</pre>
 *
 * <p>Standardizers run in the order given and each sees the fields the earlier ones produced, so
 * an amount is scaled by the already upper-cased currency. The output schema is the input schema
 * with each standardized field's new type; field order is kept.
 */
public final class Standardize extends PTransform<PCollection<Row>, StageResult> {

  private final List<FieldStandardizer> standardizers;
  private final String product;

  private Standardize(List<FieldStandardizer> standardizers, String product) {
    this.standardizers = List.copyOf(standardizers);
    this.product = product;
  }

  /** Applies {@code standardizers} in order. */
  public static Standardize fields(FieldStandardizer... standardizers) {
    if (standardizers.length == 0) {
      throw new IllegalArgumentException("give at least one standardizer");
    }
    return new Standardize(Arrays.asList(standardizers), "unnamed");
  }

  /** Returns a {@link Standardize} like this one but naming {@code product} in its failures. */
  public Standardize forProduct(String product) {
    return new Standardize(standardizers, product);
  }

  /** The schema of the rows this produces from rows of {@code input}. */
  public Schema outputSchema(Schema input) {
    return step().outputSchema(input);
  }

  /** The same work as a step of a product's record path. */
  public StandardizationStep step() {
    return StandardizationStep.of(standardizers);
  }

  @Override
  public StageResult expand(PCollection<Row> rows) {
    Schema output = outputSchema(rows.getSchema());
    TupleTag<Row> valid = new TupleTag<>() {};
    TupleTag<Failure> failures = new TupleTag<>() {};
    PCollectionTuple result =
        rows.apply(
            "StandardizeFields",
            ParDo.of(new StandardizeFn(step(), rows.getSchema(), output, product, valid, failures))
                .withOutputTags(valid, TupleTagList.of(failures)));
    result.get(valid).setRowSchema(output);
    return StageResult.in(result, valid, failures);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("product", product).withLabel("Product"));
    for (int i = 0; i < standardizers.size(); i++) {
      builder.add(
          DisplayData.item("standardizer" + (i + 1), standardizers.get(i).describe())
              .withLabel("Standardizer " + (i + 1)));
    }
  }

  /** Runs the same {@link StandardizationStep} as the fused record path, on rows. */
  private static final class StandardizeFn extends DoFn<Row, Row> {
    private final StandardizationStep step;
    private final Schema input;
    private final Schema output;
    private final String product;
    private final TupleTag<Row> valid;
    private final TupleTag<Failure> failures;
    private final Counter failed = Metrics.counter("datamesh.standardize", "failures");
    private transient RecordPath.Compiled compiled;

    StandardizeFn(
        StandardizationStep step,
        Schema input,
        Schema output,
        String product,
        TupleTag<Row> valid,
        TupleTag<Failure> failures) {
      this.step = step;
      this.input = input;
      this.output = output;
      this.product = product;
      this.valid = valid;
      this.failures = failures;
    }

    @Setup
    public void setup() {
      compiled = RecordPath.of(step).compile(input);
    }

    @ProcessElement
    public void process(@Element Row row, MultiOutputReceiver out) {
      StepFailure stopped = compiled.run(row.getValues().toArray(), ruleId -> {});
      if (stopped == null) {
        out.get(valid).output(Row.withSchema(output).addValues(compiled.values()).build());
        return;
      }
      failed.inc();
      out.get(failures).output(Failure.ofRow(Stage.STANDARDIZE, product, stopped.violations(), row));
    }
  }
}
