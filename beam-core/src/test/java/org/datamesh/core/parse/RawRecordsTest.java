package org.datamesh.core.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.testing.ProductTestInput;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Raw records of CSV and JSON-lines files, as the parsers would read them. */
@ExtendWith(TestPipelineExtension.class)
class RawRecordsTest {

  /** Each record as {@code name=KIND:text} pairs, an unreadable one as {@code unreadable}. */
  private static final class Describe extends DoFn<FileIO.ReadableFile, String> {
    private final RawRecords.Layout layout;

    Describe(RawRecords.Layout layout) {
      this.layout = layout;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<String> out)
        throws Exception {
      RawRecords.read(
          file,
          layout,
          new RawRecords.Sink() {
            @Override
            public void record(List<String> names, List<RawRecords.@Nullable Value> values) {
              List<String> pairs = new ArrayList<>();
              for (int i = 0; i < names.size(); i++) {
                RawRecords.Value value = values.get(i);
                pairs.add(names.get(i) + "=" + (value == null ? "null" : value.kind() + ":" + value.text()));
              }
              out.output(String.join(" ", pairs));
            }

            @Override
            public void unreadable() {
              out.output("unreadable");
            }
          });
    }
  }

  @Test
  void csvFieldsByHeaderNameWithMissingAndEmptyApart(TestPipeline pipeline) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(
          String.join("\n", " id ,name,note", "1,Ada,", "2,\"Grace, H\",\"\"", "", "3,x", "4,\"open")
              .getBytes(StandardCharsets.UTF_8));
    }
    PCollection<String> records =
        pipeline
            .apply(ProductTestInput.fileOfBytes("people.csv.gz", bytes.toByteArray()))
            .apply(ParDo.of(new Describe(RawRecords.Layout.CSV)));
    PAssert.that(records)
        .containsInAnyOrder(
            "id=TEXT:1 name=TEXT:Ada note=null",
            "id=TEXT:2 name=TEXT:Grace, H note=TEXT:",
            "unreadable",
            "unreadable",
            "unreadable");
    pipeline.run();
  }

  @Test
  void jsonMembersWithTheirKinds(TestPipeline pipeline) {
    PCollection<String> records =
        pipeline
            .apply(
                ProductTestInput.file(
                    "e.jsonl",
                    "{\"id\": 1, \"price\": 9.50, \"ok\": true, \"tags\": [1, 2], \"geo\": {\"x\": \"y\"}, \"n\": null}",
                    "{\"text\": \"a\\u0000b\"}",
                    "[1]",
                    ""))
            .apply(ParDo.of(new Describe(RawRecords.Layout.JSON_LINES)));
    PAssert.that(records)
        .containsInAnyOrder(
            "id=NUMBER:1 price=NUMBER:9.50 ok=BOOLEAN:true tags=ARRAY:[1,2] geo=OBJECT:{\"x\":\"y\"} n=null",
            "unreadable",
            "unreadable",
            "unreadable");
    pipeline.run();
  }
}
