package org.datamesh.examples.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project depends on hadoop-common and hadoop-mapreduce-client-core with most of their trees
 * excluded, not on hadoop-client (see the parent pom). The library reads and writes Parquet through
 * parquet-java itself (its own tests guard that); the bench's hand-written Beam baseline uses
 * Beam's ParquetIO, as a Beam user would. This guards the trimmed Hadoop for ParquetIO: it must
 * still write Snappy Parquet and read it back through each of its read transforms on the CLI's
 * class path. A missing Hadoop class shows here as a NoClassDefFoundError.
 */
@ExtendWith(TestPipelineExtension.class)
class ParquetIoClasspathTest {

  static final Schema SCHEMA =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"R\",\"fields\":["
                  + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"}]}");

  static final int ROWS = 1_000;

  @TempDir Path out;

  @Test
  void parquetIoWritesSnappyAndReadsItBackWithTheTrimmedHadoop(TestPipeline pipeline) {
    List<GenericRecord> records = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      GenericRecord r = new GenericData.Record(SCHEMA);
      r.put("id", (long) i);
      r.put("name", "n" + i);
      records.add(r);
    }
    Pipeline write = Pipeline.create(PipelineOptionsFactory.create());
    write
        .apply(Create.of(records).withCoder(AvroCoder.of(GenericRecord.class, SCHEMA)))
        .apply(
            FileIO.<GenericRecord>write()
                .via(ParquetIO.sink(SCHEMA).withCompressionCodec(CompressionCodecName.SNAPPY))
                .to(out.toString())
                .withSuffix(".parquet")
                .withNumShards(2));
    write.run().waitUntilFinish();

    String files = out.resolve("*.parquet").toString();
    PCollection<Long> read =
        pipeline.apply("Read", ParquetIO.read(SCHEMA).from(files)).apply("CountRead", Count.globally());
    PCollection<Long> readFiles =
        pipeline
            .apply("Match", FileIO.match().filepattern(files))
            .apply("Matches", FileIO.readMatches())
            .apply("ReadFiles", ParquetIO.readFiles(SCHEMA))
            .apply("CountReadFiles", Count.globally());
    PCollection<Long> parsed =
        pipeline
            .apply("MatchForParse", FileIO.match().filepattern(files))
            .apply("MatchesForParse", FileIO.readMatches())
            .apply(
                "Parse",
                ParquetIO.parseFilesGenericRecords((GenericRecord r) -> r.get("name").toString())
                    .withCoder(StringUtf8Coder.of()))
            .apply("CountParsed", Count.globally());
    PAssert.thatSingleton(read).isEqualTo((long) ROWS);
    PAssert.thatSingleton(readFiles).isEqualTo((long) ROWS);
    PAssert.thatSingleton(parsed).isEqualTo((long) ROWS);
    pipeline.run().waitUntilFinish();
  }
}
