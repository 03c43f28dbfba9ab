package org.datamesh.core.contract.odcs;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code servers}: where the data is. Every server has a name ({@code server}) and a {@code type};
 * the type decides which other keys it needs and allows ({@link ServerTypes}).
 *
 * <pre>{@code
 * servers:
 *   - server: lake
 *     type: s3
 *     location: s3://sales-lake/orders/
 *     format: parquet
 *     environment: prod
 * }</pre>
 */
final class Servers {

  private static final ObjectShape SERVER =
      ObjectShape.closed("a server")
          .required("server", Values.STRING)
          .required("type", Values.oneOf(ServerTypes.names()))
          .optional("id", Formats.STABLE_ID)
          .optional("description", Values.STRING)
          .optional("environment", Values.STRING)
          .optional("roles", Roles.LIST)
          .optional("customProperties", CommonShapes.CUSTOM_PROPERTIES);

  /** A server of each type: the common keys and the type's own. */
  private static final Map<String, ObjectShape> BY_TYPE = new HashMap<>();

  static {
    for (String type : ServerTypes.names()) {
      BY_TYPE.put(type, SERVER.with(ServerTypes.keysOf(type)).named("a server of type " + type));
    }
  }

  /**
   * Without a type ODCS names, which other keys belong is unknown: only the type is reported, not
   * every key of the type meant.
   */
  private static final ObjectShape UNKNOWN_TYPE = SERVER.with(ObjectShape.open("a server"));

  /** One server, with the keys of its type. */
  static final Check SERVER_CHECK =
      (value, where, report) -> {
        ObjectShape typed = BY_TYPE.get(value.path("type").asText(""));
        boolean named = value.path("type").isTextual() && typed != null;
        (named ? typed : UNKNOWN_TYPE).check(value, where, report);
      };

  static final Check LIST = Values.listOf(SERVER_CHECK);

  private Servers() {}
}
