package org.datamesh.examples.contract;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.OutputPort;
import org.datamesh.core.product.DataProduct;
import org.datamesh.examples.cli.OutputFolder;
import org.datamesh.examples.cli.UsageException;

/**
 * Where {@code run} publishes: {@code --output} when given, else the file server the contract
 * declares in {@code servers} (a {@code local} server's {@code path} or an {@code s3} server's
 * {@code location}), named with {@code --server} when it declares several.
 *
 * <p>ODCS says a server's location is where the data is. A location ending with the product's
 * own folder, {@code <domain>/<product>}, names exactly that folder: the mesh's root (catalog,
 * lineage) is two folders up. Any other location is the mesh's root, what {@code --output} would
 * name, and the product goes to {@code <location>/<domain>/<product>/}. A relative local path is
 * relative to the contract's folder.
 *
 * <pre>{@code
 * # servers: [{server: lake, type: s3, location: s3://lake/sales/orders, format: parquet}]
 * datamesh run --contract=orders.odcs.yaml --input=orders.csv --awsRegion=eu-west-1
 * # publishes to s3://lake/sales/orders/, the catalog to s3://lake/
 * }</pre>
 */
public final class PublishTarget {

  private static final Set<String> FILE_SERVERS = Set.of("local", "s3");

  /** The mesh's root to publish under, and the server it came from (null for {@code --output}). */
  public record Choice(String root, @Nullable OutputPort server) {

    /** How the chosen server is named in messages. */
    public String serverName() {
      return server == null ? "--output" : "server " + describe(server);
    }
  }

  private PublishTarget() {}

  /**
   * @param contractFolder the folder of the contract's file, which a relative local path is
   *     relative to
   */
  public static Choice choose(
      @Nullable String output, @Nullable String server, DataContract contract, Path contractFolder)
      throws UsageException {
    boolean serverGiven = server != null && !server.isBlank();
    if (output != null && !output.isBlank()) {
      if (serverGiven) {
        throw new UsageException(
            "give --output or --server, not both: --server picks one of the contract's servers"
                + " when there is no --output");
      }
      return new Choice(output, null);
    }
    List<OutputPort> files =
        contract.ports().stream().filter(p -> FILE_SERVERS.contains(p.type())).toList();
    OutputPort port;
    if (serverGiven) {
      port = named(contract.ports(), server);
      if (!FILE_SERVERS.contains(port.type())) {
        throw new UsageException(
            "--server=" + server + " is a " + port.type() + " server; run publishes files to a"
                + " local or s3 server, then sends the rows to every kafka server besides");
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
    return new Choice(root(location(port, contractFolder), contract.product()), port);
  }

  /** Whether the contract declares a local or s3 server to publish files to. */
  public static boolean declaresFiles(DataContract contract) {
    return contract.ports().stream().anyMatch(p -> FILE_SERVERS.contains(p.type()));
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

  /** The server's location, checked, with a relative local path made absolute. */
  private static String location(OutputPort port, Path contractFolder) throws UsageException {
    boolean local = "local".equals(port.type());
    String field = local ? "path" : "location";
    String where = port.path();
    String name = "server " + describe(port);
    if (where == null || where.isBlank()) {
      throw new UsageException(
          name + " has no " + field + " to publish to; give it one, or give --output");
    }
    if (port.format() != null && !"parquet".equalsIgnoreCase(port.format())) {
      throw new UsageException(
          name + " is in format " + port.format() + "; run publishes Parquet: declare format:"
              + " parquet, or give --output");
    }
    if (where.matches(".*[*?{\\[].*")) {
      throw new UsageException(
          name + "'s " + field + " " + where + " is a pattern; run publishes under one folder,"
              + " such as s3://bucket/mesh");
    }
    if (local && OutputFolder.isObjectStore(where)) {
      throw new UsageException(
          name + " is local, but its path " + where + " names another file system; declare it"
              + " as an s3 server");
    }
    if (!local && !where.startsWith("s3://")) {
      throw new UsageException(name + "'s location " + where + " is not an s3:// location");
    }
    if (local && !where.startsWith("file:")) { // a file: URI is absolute already
      return contractFolder.resolve(Paths.get(where)).normalize().toString();
    }
    return where;
  }

  /** The mesh's root: two folders up when {@code location} ends with the product's folder. */
  private static String root(String location, DataProduct product) {
    String trimmed = location.replaceAll("/+$", "");
    String productFolder = "/" + product.domain() + "/" + product.name();
    if (trimmed.endsWith(productFolder) && trimmed.length() > productFolder.length()) {
      String root = trimmed.substring(0, trimmed.length() - productFolder.length());
      if (!root.endsWith(":/") && !root.endsWith(":")) { // s3://bucket/<domain>/<product> keeps its bucket
        return root;
      }
    }
    return location;
  }

  /** A server as messages name it: its name and type ("(unnamed)" when it has no name). */
  static String describe(OutputPort port) {
    return (port.server().isEmpty() ? "(unnamed)" : port.server()) + " (" + port.type() + ")";
  }
}
