package org.datamesh.rules.dataset;

import java.util.List;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.PCollection;

/**
 * {@code Combine.globally(fn)} over a collection in the global window, with each bundle's elements
 * folded into one accumulator by the step that receives them: only one accumulator per bundle
 * crosses to the final merge, not every element.
 *
 * <pre>{@code
 * PCollection<Analysis> found = rows.apply(CombineInBundles.of(AnalyzeRows.of(analyzers)));
 * }</pre>
 *
 * <p>Why not {@code Combine.globally}: on Flink's batch translation its partial combine is a
 * keyed, sorted group-combine behind a key-adding step, so every row of a large collection is
 * encoded into the sort buffer and decoded again; the checks' analyzers cost little beside that
 * (a JFR profile of the checks-vs-unchecked bench, docs/benchmarks.md). Empty input gives {@code
 * fn}'s output for no elements, as {@code Combine.globally} does.
 */
final class CombineInBundles<InputT, AccumT, OutputT>
    extends PTransform<PCollection<InputT>, PCollection<OutputT>> {

  private final CombineFn<InputT, AccumT, OutputT> fn;

  private CombineInBundles(CombineFn<InputT, AccumT, OutputT> fn) {
    this.fn = fn;
  }

  static <InputT, AccumT, OutputT> CombineInBundles<InputT, AccumT, OutputT> of(
      CombineFn<InputT, AccumT, OutputT> fn) {
    return new CombineInBundles<>(fn);
  }

  @Override
  public PCollection<OutputT> expand(PCollection<InputT> input) {
    if (!(input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      throw new IllegalArgumentException(
          "combines in bundles in the global window only; in windows use Combine.globally");
    }
    CoderRegistry registry = input.getPipeline().getCoderRegistry();
    Coder<AccumT> accumulatorCoder;
    Coder<OutputT> outputCoder;
    try {
      accumulatorCoder = fn.getAccumulatorCoder(registry, input.getCoder());
      outputCoder = fn.getDefaultOutputCoder(registry, input.getCoder());
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException("no coder for " + fn.getClass().getSimpleName(), e);
    }
    return input
        .apply("FoldEachBundle", ParDo.of(new FoldBundleFn<>(fn)))
        .setCoder(accumulatorCoder)
        .apply("MergeBundles", Combine.globally(new MergeFn<>(fn, accumulatorCoder, outputCoder)));
  }

  /** One accumulator per bundle, emitted when the bundle ends. */
  private static final class FoldBundleFn<InputT, AccumT> extends DoFn<InputT, AccumT> {
    private final CombineFn<InputT, AccumT, ?> fn;
    private transient AccumT bundle;

    FoldBundleFn(CombineFn<InputT, AccumT, ?> fn) {
      this.fn = fn;
    }

    @StartBundle
    public void startBundle() {
      bundle = null;
    }

    @ProcessElement
    public void processElement(@Element InputT element) {
      bundle = fn.addInput(bundle == null ? fn.createAccumulator() : bundle, element);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      if (bundle != null) {
        context.output(bundle, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        bundle = null; // handed on: never touched again
      }
    }
  }

  /** Merges the bundles' accumulators, then extracts {@code fn}'s output. */
  private static final class MergeFn<InputT, AccumT, OutputT>
      extends CombineFn<AccumT, AccumT, OutputT> {
    private final CombineFn<InputT, AccumT, OutputT> fn;
    private final Coder<AccumT> accumulatorCoder;
    private final Coder<OutputT> outputCoder;

    MergeFn(
        CombineFn<InputT, AccumT, OutputT> fn,
        Coder<AccumT> accumulatorCoder,
        Coder<OutputT> outputCoder) {
      this.fn = fn;
      this.accumulatorCoder = accumulatorCoder;
      this.outputCoder = outputCoder;
    }

    @Override
    public AccumT createAccumulator() {
      return fn.createAccumulator();
    }

    @Override
    public AccumT addInput(AccumT merged, AccumT bundle) {
      return fn.mergeAccumulators(List.of(merged, bundle));
    }

    @Override
    public AccumT mergeAccumulators(Iterable<AccumT> accumulators) {
      return fn.mergeAccumulators(accumulators);
    }

    @Override
    public OutputT extractOutput(AccumT accumulator) {
      return fn.extractOutput(accumulator);
    }

    @Override
    public Coder<AccumT> getAccumulatorCoder(CoderRegistry registry, Coder<AccumT> inputCoder) {
      return accumulatorCoder;
    }

    @Override
    public Coder<OutputT> getDefaultOutputCoder(CoderRegistry registry, Coder<AccumT> inputCoder) {
      return outputCoder; // fn's, for its input: not inferable from a generic merge
    }
  }
}
