package org.datamesh.core.publish;

import java.io.IOException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * How many rows the written Parquet files hold, read from their footers once they are complete.
 *
 * <p>Why count the files rather than the rows on their way in: counting a collection of rows adds
 * a second consumer to it, and runners such as Flink then encode every row once more for that
 * consumer; the footers are a few bytes per file. It also makes the manifest's counts what was
 * really written, not what was meant to be.
 */
final class ParquetRowCounts extends PTransform<PCollection<String>, PCollection<Long>> {

  @Override
  public PCollection<Long> expand(PCollection<String> files) {
    return files
        .apply("ReadFooters", ParDo.of(new FooterRowCountFn()))
        .apply("SumRows", Sum.longsGlobally());
  }

  private static final class FooterRowCountFn extends DoFn<String, Long> {
    @ProcessElement
    public void process(@Element String file, OutputReceiver<Long> out) throws IOException {
      try (ParquetFileReader reader = ParquetFileReader.open(ChannelInputFile.named(file))) {
        out.output(reader.getRecordCount());
      }
    }
  }
}
