package org.datamesh.examples.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The orders product's contract, as a file the commands are given, possibly edited to break it. */
final class OrdersContract {

  static final String RESOURCE = "/org/datamesh/pipelines/orders/sales-orders.odcs.yaml";

  private OrdersContract() {}

  /** The contract's text as shipped in domain-pipelines. */
  static String text() throws IOException {
    try (InputStream in = OrdersContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Writes the contract to {@code dir/name} and returns the file. */
  static Path write(Path dir, String name) throws IOException {
    return write(dir, name, text());
  }

  /** Writes {@code yaml} to {@code dir/name} and returns the file. */
  static Path write(Path dir, String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  /** The contract with {@code from} replaced by {@code to}, checking that {@code from} is in it. */
  static String replacing(String yaml, String from, String to) {
    if (!yaml.contains(from)) {
      throw new IllegalArgumentException("the contract has no '" + from + "' to replace");
    }
    return yaml.replace(from, to);
  }
}
