package org.datamesh.core.contract.odcs;

import static org.datamesh.core.contract.odcs.OdcsChecks.problems;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;

/** {@code servers}: the keys each server type needs and allows. */
class ServersCheckTest {

  /** A contract with one server (line 7 on). */
  private static String server(String keys) {
    return "servers:\n  - server: s1\n" + keys;
  }

  @Test
  void aServerHasTheKeysOfItsType() {
    assertThat(
        problems(server("    type: s3\n    location: s3://bucket/orders/\n    format: parquet\n")),
        empty());
    assertThat(
        problems(server("    type: postgres\n    host: db\n    port: 5432\n    database: d\n"
            + "    schema: public\n    environment: prod\n")),
        empty());
  }

  @Test
  void aTypeNeedsItsKeys() {
    assertThat(
        problems(server("    type: postgres\n    host: db\n    port: '5432'\n")),
        contains(
            "servers[0].database (line 7): missing; ODCS requires it in a server of type postgres",
            "servers[0].schema (line 7): missing; ODCS requires it in a server of type postgres",
            "servers[0].port (line 10): must be a whole number, not a string"));
  }

  @Test
  void aKeyOfAnotherTypeIsRefused() {
    assertThat(
        problems(server("    type: kafka\n    host: broker:9092\n    topic: orders\n")),
        contains(
            "servers[0].topic (line 10): not a key ODCS allows in a server of type kafka; allowed:"
                + " server, type, id, description, environment, roles, customProperties, host,"
                + " format"));
  }

  @Test
  void locationsAreAbsoluteUris() {
    assertThat(
        problems(server("    type: s3\n    location: bucket/{table}/\n")),
        contains(
            "servers[0].location (line 9): must be an absolute URI with a scheme, such as"
                + " s3://bucket/path"));
    assertThat(
        problems(server("    type: sftp\n    location: ftp://host/out\n")),
        contains("servers[0].location (line 9): must be an sftp:// URI, such as sftp://host/path"));
  }

  @Test
  void theTypeIsOneOdcsNames() {
    assertThat(
        problems("servers:\n  - type: ftp\n"),
        contains(
            "servers[0].server (line 7): missing; ODCS requires it in a server",
            "servers[0].type (line 7): must be one of: " + String.join(", ", ServerTypes.names())));
  }
}
