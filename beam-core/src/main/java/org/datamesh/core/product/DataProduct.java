package org.datamesh.core.product;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A data product's identity: the domain that owns it, its name and the version of its contract.
 * Its id, {@code domain.name}, is what failures, manifests and lineage name it by.
 *
 * <pre>{@code
 * DataProduct orders = DataProduct.of("sales", "orders", "1.0.0");
 * orders.id();  // "sales.orders"
 * }</pre>
 */
public record DataProduct(String domain, String name, String version) implements Serializable {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  public DataProduct {
    check("domain", domain);
    check("name", name);
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("a data product needs a version");
    }
  }

  public static DataProduct of(String domain, String name, String version) {
    return new DataProduct(domain, name, version);
  }

  /** {@code domain.name}. */
  public String id() {
    return domain + "." + name;
  }

  private static void check(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a data product's " + what + " must be lower-case letters, digits, '_' or '-',"
              + " starting with a letter; got " + (value == null ? "none" : "'" + value + "'"));
    }
  }
}
