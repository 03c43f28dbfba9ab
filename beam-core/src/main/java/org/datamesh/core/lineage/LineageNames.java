package org.datamesh.core.lineage;

import java.net.URI;
import java.nio.file.Path;

/**
 * A location's OpenLineage dataset namespace and name, per the OpenLineage naming spec: the
 * namespace is the data source ({@code scheme://authority}), the name the path within it. A local
 * path is in namespace {@code file} with its absolute path as name (the URI {@code file://} +
 * path); {@code s3://bucket/key} is namespace {@code s3://bucket}, name {@code key}.
 *
 * <pre>{@code
 * LineageNames.of("/data/mesh/sales/orders/orders");   // file, /data/mesh/sales/orders/orders
 * LineageNames.of("s3://lake/mesh/sales/orders");       // s3://lake, mesh/sales/orders
 * LineageNames.of("/exports/orders-*.csv");             // file, /exports (a glob names its folder)
 * }</pre>
 *
 * @param namespace the data source
 * @param name the dataset within it
 */
public record LineageNames(String namespace, String name) {

  /** The dataset at {@code location}: a path, a URI, or a glob (whose folder is the dataset). */
  public static LineageNames of(String location) {
    String trimmed = withoutGlob(location);
    int scheme = trimmed.indexOf("://");
    if (scheme > 0 && !trimmed.startsWith("file://")) {
      URI uri = URI.create(trimmed.replace(" ", "%20"));
      String path = uri.getPath() == null ? "" : uri.getPath();
      String name = path.startsWith("/") ? path.substring(1) : path;
      return new LineageNames(
          uri.getScheme() + "://" + uri.getAuthority(), stripSlash(name));
    }
    String path = trimmed.startsWith("file://") ? URI.create(trimmed).getPath() : trimmed;
    return new LineageNames("file", stripSlash(Path.of(path).toAbsolutePath().normalize().toString()));
  }

  /** A glob's folder: the part before the first segment holding a wildcard. */
  private static String withoutGlob(String location) {
    int wildcard = firstWildcard(location);
    if (wildcard < 0) {
      return location;
    }
    int slash = location.lastIndexOf('/', wildcard);
    return slash <= 0 ? "." : location.substring(0, slash);
  }

  private static int firstWildcard(String location) {
    int first = -1;
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int at = location.indexOf(c);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }

  private static String stripSlash(String name) {
    return name.length() > 1 && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }
}
