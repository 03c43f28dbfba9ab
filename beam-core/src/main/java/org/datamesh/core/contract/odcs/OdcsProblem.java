package org.datamesh.core.contract.odcs;

/**
 * One way a contract breaks the ODCS v3 structure.
 *
 * <pre>{@code
 * new OdcsProblem(Location.root().key("kind"), "must be one of: DataContract").toString();
 * // "kind: must be one of: DataContract"
 * }</pre>
 *
 * @param where the value (or, for a missing key, the key) the problem is about
 * @param message what is wrong and what is allowed, never quoting the value found
 */
public record OdcsProblem(Location where, String message) {

  @Override
  public String toString() {
    return where + ": " + message;
  }
}
