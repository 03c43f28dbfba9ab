package org.datamesh.core.contract.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * {@code relationships} (ODCS v3.1): foreign keys between schema elements. On a schema object a
 * relationship names both ends, {@code from} and {@code to}; on a property the property itself is
 * the {@code from}, so only {@code to} is given.
 *
 * <pre>{@code
 * schema:
 *   - name: orders
 *     relationships:
 *       - from: orders.customer_id          # a shorthand: object.property
 *         to: customers.id
 *       - from: [orders.a, orders.b]        # composite keys: two lists of the same kind
 *         to: [other.a, other.b]
 *     properties:
 *       - name: customer_id
 *         relationships:
 *           - to: schema/customers/properties/id   # or a reference by ids
 * }</pre>
 *
 * <p>A reference is either a shorthand, {@code object.property} (letters, digits and '_', not
 * starting with a digit), or a path of ids, {@code section/id/section/id...}, which may start with
 * {@code /} and with a YAML file and {@code #} ({@code https://host/contracts/customers.yaml#}).
 */
final class Relationships {

  private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
  private static final String ID = "[A-Za-z0-9_-]+";
  private static final String FILE = "(?:https?://)?[A-Za-z0-9._/-]+\\.yaml#";

  private static final Pattern SHORTHAND = Pattern.compile(NAME + "\\." + NAME);
  private static final Pattern BY_IDS =
      Pattern.compile("(?:" + FILE + ")?/?" + NAME + "/" + ID + "(?:/" + NAME + "/" + ID + ")*");

  private static final String REFERENCE_RULE =
      "a reference: object.property, or a path of ids such as schema/orders/properties/id";

  private static final Check REFERENCE =
      (value, where, report) -> {
        if (!value.isTextual() || !isReference(value.textValue())) {
          report.add(where, "must be " + REFERENCE_RULE);
        }
      };

  /** One reference, or a non-empty list of them (a composite key). */
  private static final Check ENDPOINT =
      (value, where, report) -> {
        if (!value.isArray()) {
          REFERENCE.check(value, where, report);
          return;
        }
        if (value.isEmpty()) {
          report.add(where, "must list at least one reference");
        }
        Values.listOf(REFERENCE).check(value, where, report);
      };

  private static final ObjectShape BASE =
      ObjectShape.closed("a relationship")
          .optional("type", Values.oneOf("foreignKey"))
          .optional("to", ENDPOINT)
          .optional("customProperties", CommonShapes.CUSTOM_PROPERTIES);

  private static final ObjectShape ON_OBJECT =
      BASE.named("a relationship of a schema object").required("from", ENDPOINT).required("to", ENDPOINT);

  private static final ObjectShape ON_PROPERTY =
      BASE.named("a relationship of a property")
          .required("to", ENDPOINT)
          .explain("from", "not given on a property: the property is the relationship's from");

  /** A schema object's relationship: both ends, both single references or both lists. */
  static final Check OBJECT_RELATIONSHIP =
      (value, where, report) -> {
        ON_OBJECT.check(value, where, report);
        JsonNode from = value.path("from");
        JsonNode to = value.path("to");
        if (!from.isMissingNode() && !to.isMissingNode() && from.isArray() != to.isArray()) {
          report.add(
              where.key("to"),
              "must be of the same kind as from: both single references, or both lists");
        }
      };

  static final Check ON_OBJECTS = Values.listOf(OBJECT_RELATIONSHIP);
  static final Check ON_PROPERTIES = Values.listOf(ON_PROPERTY);

  private Relationships() {}

  private static boolean isReference(String text) {
    return SHORTHAND.matcher(text).matches() || BY_IDS.matcher(text).matches();
  }
}
