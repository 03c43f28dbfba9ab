package org.datamesh.pipelines.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;

/** The crm products' contracts, shipped beside their classes on the class path. */
final class CrmContracts {

  private CrmContracts() {}

  /** The text of the contract {@code resource}, relative to this package. */
  static String text(String resource) {
    try (InputStream in = CrmContracts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract {@code resource}, loaded; a broken one is a build error, so it throws. */
  static DataContract load(String resource) {
    try {
      return ContractLoader.parse(text(resource), resource);
    } catch (ContractException e) {
      throw new IllegalStateException(resource + " is broken: " + e.getMessage(), e);
    }
  }
}
