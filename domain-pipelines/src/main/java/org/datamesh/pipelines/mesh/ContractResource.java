package org.datamesh.pipelines.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;

/**
 * A contract shipped on the class path, beside the code of its product: loaded once, and a
 * broken one is a bug of this module, so it fails loudly naming the file.
 *
 * <pre>{@code
 * DataContract customers = ContractResource.load("/org/datamesh/pipelines/crm/crm-customers.odcs.yaml");
 * }</pre>
 */
public final class ContractResource {

  private ContractResource() {}

  /** The contract at {@code resource}, an absolute class-path name. */
  public static DataContract load(String resource) {
    try {
      return ContractLoader.fromClasspath(resource);
    } catch (ContractException e) {
      throw new IllegalStateException(resource + " is broken: " + e.getMessage(), e);
    }
  }

  /** The contract's text, for tools that take a contract file. */
  public static String text(String resource) {
    try (InputStream in = ContractResource.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
