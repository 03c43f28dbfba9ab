package org.datamesh.core.publish;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.coders.CompactRowCoder;
import org.datamesh.core.failure.SourceField;

/**
 * Writes rows as Snappy-compressed Parquet files ({@code part-SSSSS-of-NNNNN.parquet}) into one
 * folder, or into its Hive-style partition folders ({@code country=DE/part-...}), and returns the
 * full names of the files written, once they are complete.
 *
 * <p>Partition columns stay inside the files too: each file is then whole on its own (a reader
 * going by the manifest's file list, without Hive partitioning, still gets every column with its
 * exact type, and nulls as nulls), and DuckDB's {@code hive_partitioning} reads such files without
 * a duplicate column, taking the value from the folder.
 *
 * <p>There is always at least one file: with no rows, an empty file that carries the schema, so a
 * consumer reading the folder's files gets an empty table of the right columns, not an error. It
 * sits directly in the folder, as an empty run has no partition.
 */
final class ParquetFiles extends PTransform<PCollection<Row>, PCollection<String>> {

  private final String directory;
  private final String recordName;
  private final List<String> partitionKeys;
  private final @Nullable FooterFold<?, ?> fold;

  ParquetFiles(String directory, String recordName) {
    this(directory, recordName, List.of(), null);
  }

  ParquetFiles(String directory, String recordName, List<String> partitionKeys) {
    this(directory, recordName, partitionKeys, null);
  }

  private ParquetFiles(
      String directory,
      String recordName,
      List<String> partitionKeys,
      @Nullable FooterFold<?, ?> fold) {
    this.directory = directory;
    this.recordName = recordName;
    this.partitionKeys = List.copyOf(partitionKeys);
    this.fold = fold;
  }

  /**
   * Returns a writer like this one but folding each file's rows with {@code fold} into its footer
   * (every file, the empty one too), for {@link FooterFold#merged} to read back.
   */
  ParquetFiles folding(FooterFold<?, ?> fold) {
    return new ParquetFiles(directory, recordName, partitionKeys, fold);
  }

  @Override
  public PCollection<String> expand(PCollection<Row> rows) {
    Schema schema = SourceField.removeTrailing(rows.getSchema());
    RowParquetSink sink =
        fold == null
            ? RowParquetSink.of(schema, recordName)
            : RowParquetSink.of(schema, recordName).folding(fold);
    HivePartitions partitions = HivePartitions.of(schema, partitionKeys);
    return rows.apply("ByFolder", ParDo.of(new ByFolderFn(partitions)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), CompactRowCoder.of(rows.getSchema())))
        .apply(
            "WriteParquet",
            FileIO.<String, KV<String, Row>>writeDynamic()
                .by(KV::getKey)
                .withDestinationCoder(StringUtf8Coder.of())
                .via(Contextful.fn(KV::getValue), sink)
                .to(directory)
                .withNaming(
                    folder ->
                        FileIO.Write.defaultNaming(
                            folder.isEmpty() ? "part" : folder + "/part", ".parquet")))
        .getPerDestinationOutputFilenames()
        .apply("FileNames", Values.create())
        .apply("AllFileNames", Combine.globally(new ToListFn()))
        .apply(
            "AtLeastOneFile",
            ParDo.of(new AtLeastOneFileFn(directory, sink)));
  }

  /** Collects the file names; a run has few files, so one list is small. */
  private static final class ToListFn extends Combine.CombineFn<String, List<String>, List<String>> {
    @Override
    public List<String> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<String> addInput(List<String> names, String name) {
      names.add(name);
      return names;
    }

    @Override
    public List<String> mergeAccumulators(Iterable<List<String>> lists) {
      List<String> all = new ArrayList<>();
      lists.forEach(all::addAll);
      return all;
    }

    @Override
    public List<String> extractOutput(List<String> names) {
      return names;
    }
  }

  /** Passes the names on, or writes an empty file with the schema when there are none. */
  private static final class AtLeastOneFileFn extends DoFn<List<String>, String> {
    private final String directory;
    private final RowParquetSink sink;

    AtLeastOneFileFn(String directory, RowParquetSink sink) {
      this.directory = directory;
      this.sink = sink;
    }

    @ProcessElement
    public void process(@Element List<String> names, OutputReceiver<String> out)
        throws IOException {
      if (!names.isEmpty()) {
        names.forEach(out::output);
        return;
      }
      ResourceId file =
          FileSystems.matchNewResource(directory, true)
              .resolve("part-00000-of-00001.parquet", StandardResolveOptions.RESOLVE_FILE);
      try (WritableByteChannel channel = FileSystems.create(file, MimeTypes.BINARY)) {
        sink.open(channel);
        sink.flush();
      }
      out.output(file.toString());
    }
  }

  /** Each row keyed by its partition folder ("" when unpartitioned). */
  private static final class ByFolderFn extends DoFn<Row, KV<String, Row>> {
    private final HivePartitions partitions;

    ByFolderFn(HivePartitions partitions) {
      this.partitions = partitions;
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<String, Row>> out) {
      out.output(KV.of(partitions.folderOf(row), row));
    }
  }
}
