package org.datamesh.core.parse;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Turns files into what parsing workers read: small files whole, large ones as ranges of records
 * spread over workers (see {@link PlanSplitsFn}).
 */
final class SplitFiles extends PTransform<PCollection<FileIO.ReadableFile>, PCollection<FileSplit>> {

  private final PlanSplitsFn plan;

  SplitFiles(PlanSplitsFn plan) {
    this.plan = plan;
  }

  @Override
  public PCollection<FileSplit> expand(PCollection<FileIO.ReadableFile> files) {
    PCollectionTuple planned =
        files.apply(
            "PlanSplits",
            ParDo.of(plan).withOutputTags(PlanSplitsFn.WHOLE, TupleTagList.of(PlanSplitsFn.RANGES)));
    // Only the ranges of large files are redistributed: a small file stays in its bundle, so the
    // Direct runner, which pays for every bundle, runs the same number of bundles as before.
    PCollection<FileSplit> spread =
        planned
            .get(PlanSplitsFn.RANGES)
            .setCoder(FileSplitCoder.of())
            .apply("SpreadRanges", Reshuffle.viaRandomKey());
    return PCollectionList.of(planned.get(PlanSplitsFn.WHOLE).setCoder(FileSplitCoder.of()))
        .and(spread)
        .apply("AllSplits", Flatten.pCollections());
  }
}
