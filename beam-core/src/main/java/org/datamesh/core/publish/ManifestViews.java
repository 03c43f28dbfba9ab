package org.datamesh.core.publish;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
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
import org.datamesh.core.quality.FailureSample;
import org.datamesh.core.quality.TableQuality;

/**
 * The side inputs one table of a run's manifest is built from: the files written, and the counts
 * read from them and from the table's records. A runner provides a side input only once what it
 * is computed from is complete, which is what makes the commit wait for the writes.
 *
 * @param table the table's name in the manifest
 * @param columns the table's published columns
 */
record ManifestViews(
    String table,
    List<Manifest.Column> columns,
    PCollectionView<Long> input,
    PCollectionView<List<String>> dataFiles,
    PCollectionView<List<String>> quarantineFiles,
    PCollectionView<Long> published,
    PCollectionView<Long> quarantined,
    PCollectionView<Long> deduplicated,
    PCollectionView<Map<String, Long>> failuresByStage,
    PCollectionView<Map<String, Long>> failuresByRule,
    PCollectionView<Map<String, Long>> warningsByRule,
    PCollectionView<List<TableQuality>> quality,
    PCollectionView<List<FailureSample>> failureSamples)
    implements Serializable {

  /**
   * The views of one table of a run that wrote {@code dataFiles} and {@code quarantineFiles} from
   * {@code records}, their transforms' names starting with {@code prefix}. Published and
   * quarantined counts come from the files' Parquet footers, so the manifest counts what
   * consumers will read.
   */
  static ManifestViews of(
      String prefix,
      String table,
      List<Manifest.Column> columns,
      ProductRecords records,
      PCollection<String> dataFiles,
      PCollection<String> quarantineFiles) {
    PCollection<Failure> quarantinedRecords = records.failures();
    return new ManifestViews(
        table,
        columns,
        records.inputCount().apply(prefix + "Input", View.asSingleton()),
        dataFiles.apply(prefix + "DataFiles", View.asList()),
        quarantineFiles.apply(prefix + "QuarantineFiles", View.asList()),
        dataFiles
            .apply(prefix + "CountPublished", new ParquetRowCounts())
            .apply(prefix + "Published", View.asSingleton()),
        quarantineFiles
            .apply(prefix + "CountQuarantined", new ParquetRowCounts())
            .apply(prefix + "Quarantined", View.asSingleton()),
        records
            .duplicates()
            .apply(
                prefix + "CountDuplicates",
                Combine.globally(Count.<Row>combineFn()).asSingletonView()),
        quarantinedRecords
            .apply(
                prefix + "Stages",
                MapElements.into(TypeDescriptors.strings()).via((Failure f) -> f.stage().name()))
            .apply(prefix + "CountPerStage", Count.perElement())
            .apply(prefix + "FailuresByStage", View.asMap()),
        quarantinedRecords
            .apply(
                prefix + "RuleIds",
                FlatMapElements.into(TypeDescriptors.strings())
                    .via((Failure f) -> f.violations().stream().map(Violation::ruleId).toList()))
            .apply(prefix + "CountPerRule", Count.perElement())
            .apply(prefix + "FailuresByRule", View.asMap()),
        warnings(prefix, records).apply(prefix + "WarningsByRule", View.asMap()),
        quality(prefix, records).apply(prefix + "QualityView", View.asList()),
        quarantinedRecords.apply(
            prefix + "FailureSamples", Combine.globally(new FailureSamples()).asSingletonView()));
  }

  /** The table's check results: none when it has no dataset checks. */
  private static PCollection<TableQuality> quality(String prefix, ProductRecords records) {
    if (records.quality() != null) {
      return records.quality();
    }
    return records
        .getPipeline()
        .apply(prefix + "NoChecks", Create.empty(SerializableCoder.of(TableQuality.class)));
  }

  private static PCollection<KV<String, Long>> warnings(String prefix, ProductRecords records) {
    if (records.warningCounts() != null) {
      return records.warningCounts();
    }
    return records
        .getPipeline()
        .apply(
            prefix + "NoWarnings",
            Create.empty(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
  }

  /** Every view, for {@code ParDo.withSideInputs}. */
  List<PCollectionView<?>> all() {
    return List.of(
        input,
        dataFiles,
        quarantineFiles,
        published,
        quarantined,
        deduplicated,
        failuresByStage,
        failuresByRule,
        warningsByRule,
        quality,
        failureSamples);
  }
}
