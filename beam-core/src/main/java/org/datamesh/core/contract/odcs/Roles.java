package org.datamesh.core.contract.odcs;

/**
 * {@code roles} (and a server's {@code roles}): the access roles consumers ask for.
 *
 * <pre>{@code
 * roles:
 *   - role: sales_analyst
 *     access: read
 *     firstLevelApprovers: sales-data-owner
 * }</pre>
 */
final class Roles {

  static final ObjectShape ROLE =
      ObjectShape.closed("a role")
          .required("role", Values.STRING)
          .optional("id", Formats.STABLE_ID)
          .optional("description", Values.STRING)
          .optional("access", Values.STRING)
          .optional("firstLevelApprovers", Values.STRING)
          .optional("secondLevelApprovers", Values.STRING)
          .optional("customProperties", CommonShapes.CUSTOM_PROPERTIES);

  static final Check LIST = Values.listOf(ROLE);

  private Roles() {}
}
