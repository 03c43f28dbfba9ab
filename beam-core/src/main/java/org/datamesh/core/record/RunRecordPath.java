package org.datamesh.core.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;

/**
 * Runs a product's record path on rows a pipeline computed rather than parsed: the rows of a
 * consumer-aligned product, checked and protected by the same compiled steps as a file's
 * records.
 *
 * <pre>{@code
 * StageResult checked =
 *     segments.apply(RunRecordPath.of(path).forProduct("crm.customer-segments"));
 * checked.rows();       // rows that passed every step, in the path's output schema
 * checked.failures();   // one failure per row that did not, at the step that stopped it
 * }</pre>
 *
 * <p>The rows must have the path's input schema's columns, in order, with the same types
 * (nullability aside): a pipeline that computes something else is a bug found when the
 * pipeline is built, not a quarantine full of rows.
 */
public final class RunRecordPath extends PTransform<PCollection<Row>, StageResult> {

  private final RecordPath path;
  private final Schema input;
  private final String product;

  private RunRecordPath(RecordPath path, Schema input, String product) {
    this.path = path;
    this.input = input;
    this.product = product;
  }

  /** Runs {@code path}, compiled for rows of {@code input}. */
  public static RunRecordPath of(RecordPath path, Schema input) {
    path.outputSchema(input);
    return new RunRecordPath(path, input, "");
  }

  /** Returns a transform like this one but naming {@code product} in its failures. */
  public RunRecordPath forProduct(String product) {
    return new RunRecordPath(path, input, product);
  }

  @Override
  public StageResult expand(PCollection<Row> rows) {
    checkColumns(rows.getSchema());
    Schema output = path.outputSchema(input);
    TupleTag<Row> valid = new TupleTag<>() {};
    TupleTag<Failure> failures = new TupleTag<>() {};
    TupleTag<KV<String, Long>> warnings = new TupleTag<>() {};
    PCollectionTuple result =
        rows.apply(
            "RunSteps",
            ParDo.of(new PathFn(path, input, output, product, valid, failures, warnings))
                .withOutputTags(valid, TupleTagList.of(failures).and(warnings)));
    result.get(valid).setRowSchema(output);
    StageResult stage = StageResult.in(result, valid, failures);
    PCollection<KV<String, Long>> warningCounts =
        result
            .get(warnings)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply("CountWarnings", Sum.longsPerKey());
    return StageResult.of(stage.rows(), stage.failures(), warningCounts, stage.recordCount());
  }

  private void checkColumns(Schema given) {
    List<String> problems = new ArrayList<>();
    if (!given.getFieldNames().equals(input.getFieldNames())) {
      problems.add("columns " + given.getFieldNames() + ", expected " + input.getFieldNames());
    } else {
      for (int i = 0; i < input.getFieldCount(); i++) {
        Schema.FieldType have = given.getField(i).getType();
        Schema.FieldType want = input.getField(i).getType();
        if (!NestedValues.sameShape(have.withNullable(true), want.withNullable(true))) {
          problems.add(input.getField(i).getName() + " is " + have + ", expected " + want);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          (product.isEmpty() ? "the rows" : product + ": the rows")
              + " do not have the schema the record path reads: " + String.join("; ", problems));
    }
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("product", product).withLabel("Product"));
    List<String> steps = path.describe();
    for (int i = 0; i < steps.size(); i++) {
      builder.add(DisplayData.item("step" + (i + 1), steps.get(i)).withLabel("Step " + (i + 1)));
    }
  }

  /** The compiled path over one row at a time; warnings leave as {@code KV(rule, 1)}. */
  private static final class PathFn extends DoFn<Row, Row> {
    private final RecordPath path;
    private final Schema input;
    private final Schema output;
    private final String product;
    private final TupleTag<Row> valid;
    private final TupleTag<Failure> failures;
    private final TupleTag<KV<String, Long>> warnings;
    private final Counter failed = Metrics.counter("datamesh.rows", "failures");
    private transient RecordPath.Compiled compiled;

    PathFn(
        RecordPath path,
        Schema input,
        Schema output,
        String product,
        TupleTag<Row> valid,
        TupleTag<Failure> failures,
        TupleTag<KV<String, Long>> warnings) {
      this.path = path;
      this.input = input;
      this.output = output;
      this.product = product;
      this.valid = valid;
      this.failures = failures;
      this.warnings = warnings;
    }

    @Setup
    public void setup() {
      compiled = path.compile(input);
    }

    @ProcessElement
    public void process(@Element Row row, MultiOutputReceiver out) {
      List<String> fired = new ArrayList<>(0);
      StepFailure stopped = compiled.run(row.getValues().toArray(), fired::add);
      if (stopped != null) {
        failed.inc();
        out.get(failures).output(Failure.ofRow(stopped.stage(), product, stopped.violations(), row));
        return;
      }
      for (String rule : fired) {
        out.get(warnings).output(KV.of(rule, 1L));
      }
      out.get(valid).output(Row.withSchema(output).attachValues(Arrays.asList(compiled.values())));
    }
  }
}
