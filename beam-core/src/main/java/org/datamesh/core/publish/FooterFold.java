package org.datamesh.core.publish;

import java.io.IOException;
import java.io.Serializable;
import java.util.Base64;
import java.util.List;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * A fold of a table's rows that the Parquet writer computes as it writes them: one accumulator
 * per file, kept in the file's footer, merged across the files once they are complete.
 *
 * <p>Why in the writer: a second step reading the published rows would make them a collection
 * with two consumers, and Flink's batch translation then encodes and decodes every row once more
 * for it (an operator chains only to a single successor). The footer entry is a few kilobytes per
 * file, read back by this run only; it is Beam's encoding of the accumulator, so whoever can
 * write into the product's folder during a run could hand the merge step an accumulator of their
 * own, as they could rewrite the data files or the manifest.
 *
 * @param <AccumT> the fold's accumulator
 * @param <OutputT> what the merged accumulators give
 */
final class FooterFold<AccumT, OutputT> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The footer key holding a file's accumulator. */
  static final String KEY = "org.datamesh.rows.fold";

  private final CombineFn<Row, AccumT, OutputT> fn;
  private final Coder<AccumT> accumulatorCoder;
  private final Coder<OutputT> outputCoder;

  private FooterFold(
      CombineFn<Row, AccumT, OutputT> fn,
      Coder<AccumT> accumulatorCoder,
      Coder<OutputT> outputCoder) {
    this.fn = fn;
    this.accumulatorCoder = accumulatorCoder;
    this.outputCoder = outputCoder;
  }

  /** {@code fn} over rows encoded by {@code rowCoder}, its coders from {@code registry}. */
  static <AccumT, OutputT> FooterFold<AccumT, OutputT> of(
      CombineFn<Row, AccumT, OutputT> fn, CoderRegistry registry, Coder<Row> rowCoder) {
    try {
      return new FooterFold<>(
          fn,
          fn.getAccumulatorCoder(registry, rowCoder),
          fn.getDefaultOutputCoder(registry, rowCoder));
    } catch (CannotProvideCoderException e) {
      throw new IllegalArgumentException(
          "the fold " + fn.getClass().getName() + " names no coder for its accumulator or output",
          e);
    }
  }

  AccumT start() {
    return fn.createAccumulator();
  }

  AccumT add(AccumT accumulator, Row row) {
    return fn.addInput(accumulator, row);
  }

  String encode(AccumT accumulator) {
    try {
      return Base64.getEncoder()
          .encodeToString(CoderUtils.encodeToByteArray(accumulatorCoder, accumulator));
    } catch (CoderException e) {
      throw new IllegalStateException("a file's fold could not be encoded for its footer", e);
    }
  }

  AccumT decode(String footerValue) throws CoderException {
    return CoderUtils.decodeFromByteArray(
        accumulatorCoder, Base64.getDecoder().decode(footerValue));
  }

  /** Reads the accumulators from the footers of the files named, and merges them: one element. */
  PTransform<PCollection<String>, PCollection<OutputT>> merged() {
    return new PTransform<>() {
      @Override
      public PCollection<OutputT> expand(PCollection<String> files) {
        return files
            .apply("ReadFolds", ParDo.of(new ReadFoldFn<>(FooterFold.this)))
            .setCoder(accumulatorCoder)
            .apply(
                "MergeFolds",
                Combine.globally(new MergeFn<>(FooterFold.this)));
      }
    };
  }

  /** Each file's accumulator, from its footer. */
  private static final class ReadFoldFn<AccumT> extends DoFn<String, AccumT> {
    private final FooterFold<AccumT, ?> fold;

    ReadFoldFn(FooterFold<AccumT, ?> fold) {
      this.fold = fold;
    }

    @ProcessElement
    public void process(@Element String file, OutputReceiver<AccumT> out) throws IOException {
      String value;
      try (ParquetFileReader reader = ParquetFileReader.open(ChannelInputFile.named(file))) {
        value = reader.getFileMetaData().getKeyValueMetaData().get(KEY);
      }
      if (value == null) {
        throw new IllegalStateException(
            file + " has no " + KEY + " entry in its footer: it was not written by this run");
      }
      out.output(fold.decode(value));
    }
  }

  /** Merges the files' accumulators and gives the fold's output; no file gives that of no rows. */
  private static final class MergeFn<AccumT, OutputT> extends CombineFn<AccumT, AccumT, OutputT> {
    private final FooterFold<AccumT, OutputT> fold;

    MergeFn(FooterFold<AccumT, OutputT> fold) {
      this.fold = fold;
    }

    @Override
    public AccumT createAccumulator() {
      return fold.fn.createAccumulator();
    }

    @Override
    public AccumT addInput(AccumT merged, AccumT file) {
      return fold.fn.mergeAccumulators(List.of(merged, file));
    }

    @Override
    public AccumT mergeAccumulators(Iterable<AccumT> accumulators) {
      return fold.fn.mergeAccumulators(accumulators);
    }

    @Override
    public OutputT extractOutput(AccumT merged) {
      return fold.fn.extractOutput(merged);
    }

    @Override
    public Coder<AccumT> getAccumulatorCoder(CoderRegistry registry, Coder<AccumT> inputCoder) {
      return fold.accumulatorCoder;
    }

    @Override
    public Coder<OutputT> getDefaultOutputCoder(CoderRegistry registry, Coder<AccumT> inputCoder) {
      return fold.outputCoder;
    }
  }
}
