package org.datamesh.core.publish;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Violation;

/**
 * The side inputs a run's manifest is built from: the files written, and the counts read from
 * them and from the run's records. A runner provides a side input only once what it is computed
 * from is complete, which is what makes the commit wait for the writes.
 */
record ManifestViews(
    PCollectionView<List<String>> dataFiles,
    PCollectionView<List<String>> quarantineFiles,
    PCollectionView<Long> published,
    PCollectionView<Long> quarantined,
    PCollectionView<Long> deduplicated,
    PCollectionView<Map<String, Long>> failuresByStage,
    PCollectionView<Map<String, Long>> failuresByRule,
    PCollectionView<Map<String, Long>> warningsByRule)
    implements Serializable {

  /**
   * The views of a run that wrote {@code dataFiles} and {@code quarantineFiles} from {@code
   * records}. Published and quarantined counts come from the files' Parquet footers, so the
   * manifest counts what consumers will read.
   */
  static ManifestViews of(
      ProductRecords records, PCollection<String> dataFiles, PCollection<String> quarantineFiles) {
    PCollection<Failure> quarantinedRecords = records.quarantined();
    return new ManifestViews(
        dataFiles.apply("DataFiles", View.asList()),
        quarantineFiles.apply("QuarantineFiles", View.asList()),
        dataFiles
            .apply("CountPublished", new ParquetRowCounts())
            .apply("Published", View.asSingleton()),
        quarantineFiles
            .apply("CountQuarantined", new ParquetRowCounts())
            .apply("Quarantined", View.asSingleton()),
        records
            .duplicates()
            .apply("CountDuplicates", Combine.globally(Count.<Row>combineFn()).asSingletonView()),
        quarantinedRecords
            .apply(
                "Stages",
                MapElements.into(TypeDescriptors.strings()).via((Failure f) -> f.stage().name()))
            .apply("CountPerStage", Count.perElement())
            .apply("FailuresByStage", View.asMap()),
        quarantinedRecords
            .apply(
                "RuleIds",
                FlatMapElements.into(TypeDescriptors.strings())
                    .via((Failure f) -> f.violations().stream().map(Violation::ruleId).toList()))
            .apply("CountPerRule", Count.perElement())
            .apply("FailuresByRule", View.asMap()),
        warnings(records).apply("WarningsByRule", View.asMap()));
  }

  private static PCollection<KV<String, Long>> warnings(ProductRecords records) {
    if (records.warningCounts() != null) {
      return records.warningCounts();
    }
    return records
        .getPipeline()
        .apply("NoWarnings", Create.empty(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
  }

  /** Every view, for {@code ParDo.withSideInputs}. */
  List<PCollectionView<?>> all() {
    return List.of(
        dataFiles,
        quarantineFiles,
        published,
        quarantined,
        deduplicated,
        failuresByStage,
        failuresByRule,
        warningsByRule);
  }
}
