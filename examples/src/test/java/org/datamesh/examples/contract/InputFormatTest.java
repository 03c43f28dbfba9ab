package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.datamesh.core.pipeline.RecordFormat;
import org.junit.jupiter.api.Test;

/** The layout {@code run} reads an input in when {@code --inputFormat} does not say. */
class InputFormatTest {

  @Test
  void jsonLinesAndLogLinesAreKnownByTheirExtensionCompressedOrNot() {
    assertThat(InputFiles.formatOf("exports/orders-*.jsonl"), is(RecordFormat.Kind.JSON_LINES));
    assertThat(InputFiles.formatOf("exports/orders.NDJSON.gz"), is(RecordFormat.Kind.JSON_LINES));
    assertThat(InputFiles.formatOf("s3://landing/events/*.json.zst"), is(RecordFormat.Kind.JSON_LINES));
    assertThat(InputFiles.formatOf("/var/log/nginx/access.log"), is(RecordFormat.Kind.LOG_LINES));
    assertThat(InputFiles.formatOf("logs/access.log.gz"), is(RecordFormat.Kind.LOG_LINES));
  }

  @Test
  void anythingElseIsCsv() {
    assertThat(InputFiles.formatOf("exports/orders.csv.gz"), is(RecordFormat.Kind.CSV));
    assertThat(InputFiles.formatOf("exports/*"), is(RecordFormat.Kind.CSV));
    assertThat(InputFiles.formatOf("exports/json/orders.txt"), is(RecordFormat.Kind.CSV));
    assertThat("a folder named like a format is not the file's", InputFiles.formatOf("data.jsonl/part-1"), is(RecordFormat.Kind.CSV));
  }
}
