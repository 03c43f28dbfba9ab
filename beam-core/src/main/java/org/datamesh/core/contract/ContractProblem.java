package org.datamesh.core.contract;

import java.io.Serializable;

/**
 * One thing wrong with, or not supported in, a contract: where it is and what it is.
 *
 * <pre>{@code
 * new ContractProblem("schema[0].properties[2].logicalType", 14, "time is not supported yet")
 *     .toString();  // "schema[0].properties[2].logicalType (line 14): time is not supported yet"
 * }</pre>
 *
 * <p>The path uses the contract's own keys ({@code $} is the whole document). Messages name keys
 * and expectations, never the values found, so a problem can be logged whatever the contract
 * holds.
 *
 * @param path where in the YAML document, e.g. {@code schema[0].properties[1].logicalType}
 * @param line the 1-based line of that path in the file, or 0 when unknown
 * @param message what is wrong, without quoting data values
 */
public record ContractProblem(String path, int line, String message) implements Serializable {

  @Override
  public String toString() {
    return line > 0 ? path + " (line " + line + "): " + message : path + ": " + message;
  }
}
