package org.datamesh.core.lineage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LineageNamesTest {

  @Test
  void aLocalPathIsInTheFileNamespaceByItsAbsolutePath() {
    assertThat(LineageNames.of("/data/mesh/sales/orders/"), equalTo(new LineageNames("file", "/data/mesh/sales/orders")));
    assertThat(LineageNames.of("file:///data/x.csv"), equalTo(new LineageNames("file", "/data/x.csv")));
    assertThat(
        LineageNames.of("rel/x.csv"),
        equalTo(new LineageNames("file", Path.of("rel/x.csv").toAbsolutePath().toString())));
  }

  @Test
  void aGlobNamesItsFolder() {
    assertThat(LineageNames.of("/exports/orders-*.csv.gz"), equalTo(new LineageNames("file", "/exports")));
    assertThat(LineageNames.of("/exports/*/day=?/x.csv"), equalTo(new LineageNames("file", "/exports")));
  }

  @Test
  void anObjectStoreLocationIsInItsBucketsNamespace() {
    assertThat(
        LineageNames.of("s3://lake/mesh/sales/orders/orders"),
        equalTo(new LineageNames("s3://lake", "mesh/sales/orders/orders")));
    assertThat(
        LineageNames.of("s3://lake/in/orders-*.csv"), equalTo(new LineageNames("s3://lake", "in")));
  }

  @Test
  void aKafkaTopicIsInItsBrokersNamespace() {
    assertThat(
        LineageNames.of("kafka://broker-1:9092/server-logs"),
        equalTo(new LineageNames("kafka://broker-1:9092", "server-logs")));
  }
}
