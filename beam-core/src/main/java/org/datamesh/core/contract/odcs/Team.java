package org.datamesh.core.contract.odcs;

/**
 * {@code team}: who owns the contract. ODCS v3.1 makes it a mapping with {@code members}; the
 * older form, a plain list of members, is still allowed (deprecated, until ODCS 4.0).
 *
 * <pre>{@code
 * team:                         # v3.1
 *   name: sales-data
 *   members:
 *     - username: ada
 *       role: owner
 *       dateIn: 2024-01-15
 * team:                         # before v3.1
 *   - username: ada
 *     role: owner
 * }</pre>
 */
final class Team {

  static final ObjectShape MEMBER =
      ObjectShape.closed("a team member")
          .required("username", Values.STRING)
          .optional("id", Formats.STABLE_ID)
          .optional("name", Values.STRING)
          .optional("description", Values.STRING)
          .optional("role", Values.STRING)
          .optional("dateIn", Formats.DATE)
          .optional("dateOut", Formats.DATE)
          .optional("replacedByUsername", Values.STRING)
          .optional("tags", CommonShapes.TAGS)
          .optional("customProperties", CommonShapes.CUSTOM_PROPERTIES)
          .optional("authoritativeDefinitions", CommonShapes.AUTHORITATIVE_DEFINITIONS);

  static final ObjectShape TEAM =
      ObjectShape.closed("a team")
          .optional("id", Formats.STABLE_ID)
          .optional("name", Values.STRING)
          .optional("description", Values.STRING)
          .optional("members", Values.listOf(MEMBER))
          .optional("tags", CommonShapes.TAGS)
          .optional("customProperties", CommonShapes.CUSTOM_PROPERTIES)
          .optional("authoritativeDefinitions", CommonShapes.AUTHORITATIVE_DEFINITIONS);

  private static final Check MEMBER_LIST = Values.listOf(MEMBER);

  /** The mapping of v3.1 or the list of members of earlier versions; nothing else. */
  static final Check CHECK =
      (value, where, report) -> {
        if (value.isArray()) {
          MEMBER_LIST.check(value, where, report);
        } else if (value.isObject()) {
          TEAM.check(value, where, report);
        } else {
          report.add(
              where,
              "must be a team (a mapping with name, members, ...) or, as before ODCS v3.1, a list"
                  + " of members; not " + Values.kind(value));
        }
      };

  private Team() {}
}
