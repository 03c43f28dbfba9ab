package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of {@link ValueCases}, one per record, read from a CSV file and from a JSON-lines
 * file (each value a JSON string): both publish exactly the accepted values and quarantine
 * exactly the refused ones, with the same rule and reason.
 */
@ExtendWith(TestPipelineExtension.class)
class BadValuesTest {

  @TempDir Path dir;

  @Test
  void csvAndJsonLinesPublishOrRefuseEachValueExactly(TestPipeline pipeline) throws Exception {
    StringBuilder csv = new StringBuilder("id,n16,n32,n64,dbl,flt,dec,big,day,at\n");
    StringBuilder jsonl = new StringBuilder();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < ValueCases.ALL.size(); i++) {
      ValueCases.Case c = ValueCases.ALL.get(i);
      StringBuilder line = new StringBuilder(ValueCases.id(i));
      for (String column : ValueCases.SCHEMA.getFieldNames().subList(1, 10)) {
        line.append(',').append(column.equals(c.column()) ? c.text() : "");
      }
      csv.append(line).append('\n');
      jsonl
          .append(json.writeValueAsString(Map.of("id", ValueCases.id(i), c.column(), c.text())))
          .append('\n');
    }

    assertCatalogue(pipeline, "csv", write("values.csv", csv), ParseCsv.of(ValueCases.SCHEMA));
    assertCatalogue(
        pipeline, "jsonl", write("values.jsonl", jsonl), ParseJsonLines.of(ValueCases.SCHEMA));
    pipeline.run().waitUntilFinish();
  }

  private Path write(String name, CharSequence text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static void assertCatalogue(
      TestPipeline pipeline,
      String name,
      Path file,
      PTransform<PCollection<FileIO.ReadableFile>, StageResult> parse) {
    StageResult result =
        pipeline
            .apply("Match " + name, FileIO.match().filepattern(file.toString()))
            .apply("Read " + name, FileIO.readMatches())
            .apply("Parse " + name, parse);
    PAssert.that(name + " rows", result.rows()).containsInAnyOrder(ValueCases.publishedRows());
    PAssert.thatSingleton(name + " count", result.recordCount())
        .isEqualTo((long) ValueCases.ALL.size());
    PAssert.that(name + " failures", result.failures())
        .satisfies(
            failures -> {
              failures.forEach(f -> assertThat(f.stage(), equalTo(Stage.PARSE)));
              assertThat(ValueCases.outcomes(failures), equalTo(ValueCases.expectedFailures()));
              return null;
            });
  }
}
