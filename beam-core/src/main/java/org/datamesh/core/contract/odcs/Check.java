package org.datamesh.core.contract.odcs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What ODCS requires of the value at one place of a contract.
 *
 * <pre>{@code
 * Check port = Values.INTEGER;
 * port.check(server.path("port"), where.key("port"), report);
 * }</pre>
 */
@FunctionalInterface
interface Check {

  /** Adds to {@code report} what is wrong with {@code value}, found at {@code where}. */
  void check(JsonNode value, Location where, Report report);
}
