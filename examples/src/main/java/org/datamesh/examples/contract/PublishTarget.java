package org.datamesh.examples.contract;

import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.OutputPort;
import org.datamesh.examples.cli.UsageException;

/**
 * Where {@code run} publishes: {@code --output} when given, else the file server the contract
 * declares in {@code servers} (a {@code local} server's {@code path} or an {@code s3} server's
 * {@code location}), named with {@code --server} when it declares several. The server's location
 * is the mesh's root, what {@code --output} would name: the product goes to {@code
 * <location>/<domain>/<product>/} there, beside the catalog and the lineage log.
 *
 * <pre>{@code
 * # servers: [{server: lake, type: s3, location: s3://lake/mesh, format: parquet}]
 * datamesh run --contract=orders.odcs.yaml --input=orders.csv --awsRegion=eu-west-1
 * # publishes to s3://lake/mesh/sales/orders/
 * }</pre>
 */
final class PublishTarget {

  private static final Set<String> FILE_SERVERS = Set.of("local", "s3");

  /** The chosen location and the server it came from (null for {@code --output}). */
  record Choice(String location, @Nullable OutputPort server) {}

  private PublishTarget() {}

  static Choice choose(@Nullable String output, @Nullable String server, DataContract contract)
      throws UsageException {
    if (output != null && !output.isBlank()) {
      return new Choice(output, null); // --output overrides the contract
    }
    List<OutputPort> files =
        contract.ports().stream().filter(p -> FILE_SERVERS.contains(p.type())).toList();
    OutputPort port;
    if (server != null && !server.isBlank()) {
      port = named(contract.ports(), server);
      if (!FILE_SERVERS.contains(port.type())) {
        throw new UsageException(
            "--server=" + server + " is a " + port.type() + " server; run publishes files to a"
                + " local or s3 server (stream publishes to kafka)");
      }
    } else if (files.isEmpty()) {
      throw new UsageException(
          "--output is required: the folder to publish into (the contract declares no local or"
              + " s3 server to publish to)");
    } else if (files.size() > 1) {
      throw new UsageException(
          "the contract declares " + files.size() + " servers to publish to ("
              + String.join(", ", files.stream().map(PublishTarget::describe).toList())
              + "): choose one with --server=NAME, or give --output");
    } else {
      port = files.get(0);
    }
    return new Choice(location(port), port);
  }

  private static OutputPort named(List<OutputPort> ports, String name) throws UsageException {
    for (OutputPort port : ports) {
      if (port.server().equals(name)) {
        return port;
      }
    }
    throw new UsageException(
        "--server=" + name + " is not among the contract's servers ("
            + (ports.isEmpty()
                ? "it declares none"
                : String.join(", ", ports.stream().map(PublishTarget::describe).toList()))
            + ")");
  }

  private static String location(OutputPort port) throws UsageException {
    String field = "local".equals(port.type()) ? "path" : "location";
    String where = port.path();
    if (where == null || where.isBlank()) {
      throw new UsageException(
          "server " + port.server() + " has no " + field + " to publish to; give it one, or"
              + " give --output");
    }
    if (port.format() != null && !"parquet".equalsIgnoreCase(port.format())) {
      throw new UsageException(
          "server " + port.server() + " is in format " + port.format() + "; run publishes"
              + " Parquet: declare format: parquet, or give --output");
    }
    if (where.contains("*") || where.contains("?") || where.contains("{")) {
      throw new UsageException(
          "server " + port.server() + "'s " + field + " " + where + " is a pattern; run"
              + " publishes under one folder: the mesh's root, such as s3://bucket/mesh");
    }
    if ("s3".equals(port.type()) && !where.startsWith("s3://")) {
      throw new UsageException(
          "server " + port.server() + "'s location " + where + " is not an s3:// location");
    }
    return where;
  }

  private static String describe(OutputPort port) {
    return (port.server().isEmpty() ? "(unnamed)" : port.server()) + " " + port.type();
  }
}
