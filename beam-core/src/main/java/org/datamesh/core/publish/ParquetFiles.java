package org.datamesh.core.publish;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes rows as Snappy-compressed Parquet files ({@code part-SSSSS-of-NNNNN.parquet}) into one
 * folder and returns the full names of the files written, once they are complete.
 */
final class ParquetFiles extends PTransform<PCollection<Row>, PCollection<String>> {

  private final String directory;
  private final String recordName;

  ParquetFiles(String directory, String recordName) {
    this.directory = directory;
    this.recordName = recordName;
  }

  @Override
  public PCollection<String> expand(PCollection<Row> rows) {
    Schema schema = rows.getSchema();
    org.apache.avro.Schema avroSchema = AvroRows.schemaOf(schema, recordName);
    return rows.apply("ToAvro", ParDo.of(new ToAvroFn(avroSchema.toString())))
        .setCoder(AvroCoder.of(avroSchema))
        .apply(
            "WriteParquet",
            FileIO.<GenericRecord>write()
                .via(ParquetIO.sink(avroSchema).withCompressionCodec(CompressionCodecName.SNAPPY))
                .to(directory)
                .withPrefix("part")
                .withSuffix(".parquet"))
        .getPerDestinationOutputFilenames()
        .apply("FileNames", Values.create());
  }

  /** Holds the Avro schema as JSON: the parsed form is rebuilt once per worker. */
  private static final class ToAvroFn extends DoFn<Row, GenericRecord> {
    private final String avroSchemaJson;
    private transient org.apache.avro.Schema avroSchema;

    ToAvroFn(String avroSchemaJson) {
      this.avroSchemaJson = avroSchemaJson;
    }

    @Setup
    public void setup() {
      avroSchema = new org.apache.avro.Schema.Parser().parse(avroSchemaJson);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<GenericRecord> out) {
      out.output(AvroRows.toRecord(row, avroSchema));
    }
  }
}
