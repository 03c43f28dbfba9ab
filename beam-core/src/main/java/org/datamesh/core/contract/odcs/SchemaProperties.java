package org.datamesh.core.contract.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A schema object's {@code properties}, at any depth: a property of {@code logicalType: object}
 * has {@code properties} of its own, one of {@code logicalType: array} describes its elements in
 * {@code items} (an item is a property without a required name).
 *
 * <pre>{@code
 * properties:
 *   - name: order_id
 *     logicalType: string
 *     required: true
 *     primaryKey: true
 *   - name: shipping_address
 *     logicalType: object
 *     properties:
 *       - {name: zip, logicalType: string}
 *   - name: lines
 *     logicalType: array
 *     items:
 *       logicalType: object
 *       properties:
 *         - {name: sku, logicalType: string}
 * }</pre>
 *
 * <p>As in the ODCS schema, a property without a {@code logicalType} may have both {@code
 * properties} and {@code items}, and no {@code logicalTypeOptions}; a property whose {@code
 * logicalType} is not one ODCS names has only that reported.
 */
final class SchemaProperties {

  static final String[] LOGICAL_TYPES = {
    "string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean"
  };

  /** What every property allows, whatever its logical type. */
  private static final ObjectShape BASE =
      SchemaObjects.element("a property")
          .optional("logicalType", Values.oneOf(LOGICAL_TYPES))
          .optional("logicalTypeOptions", Values.MAPPING)
          .optional("physicalName", Values.STRING)
          .optional("required", Values.BOOLEAN)
          .optional("unique", Values.BOOLEAN)
          .optional("primaryKey", Values.BOOLEAN)
          .optional("primaryKeyPosition", Values.INTEGER)
          .optional("partitioned", Values.BOOLEAN)
          .optional("partitionKeyPosition", Values.INTEGER)
          .optional("classification", Values.STRING)
          .optional("encryptedName", Values.STRING)
          .optional("criticalDataElement", Values.BOOLEAN)
          .optional("transformSourceObjects", Values.STRINGS)
          .optional("transformLogic", Values.STRING)
          .optional("transformDescription", Values.STRING)
          .optional("examples", Values.listOf(Values.ANY))
          .optional("relationships", Relationships.ON_PROPERTIES)
          .optional("quality", QualityRules.LIST)
          .explain("properties", "allowed only on a property of logicalType object")
          .explain("items", "allowed only on a property of logicalType array");

  private static final Check NESTED = Values.listOf(SchemaProperties::checkProperty);
  private static final Check ITEMS = SchemaProperties::checkItem;

  /** Property shapes by logical type; the key "" for a property without one. */
  private static final Map<String, ObjectShape> PROPERTIES = new HashMap<>();

  private static final Map<String, ObjectShape> ITEM_SHAPES = new HashMap<>();

  static {
    for (String type : LOGICAL_TYPES) {
      ObjectShape shape = BASE.optional("logicalTypeOptions", LogicalTypeOptions.of(type));
      shape = "object".equals(type) ? shape.optional("properties", NESTED) : shape;
      shape = "array".equals(type) ? shape.optional("items", ITEMS) : shape;
      PROPERTIES.put(type, shape.required("name", Values.STRING));
      ITEM_SHAPES.put(type, shape.named("an array's items"));
    }
    ObjectShape untyped =
        BASE.optional("logicalTypeOptions", LogicalTypeOptions.of(null))
            .optional("properties", NESTED)
            .optional("items", ITEMS);
    PROPERTIES.put("", untyped.required("name", Values.STRING));
    ITEM_SHAPES.put("", untyped.named("an array's items"));
  }

  /** The shapes of a property and an item whose logicalType ODCS does not name. */
  private static final ObjectShape INVALID_TYPE_PROPERTY = BASE.required("name", Values.STRING);

  private static final ObjectShape INVALID_TYPE_ITEM = BASE.named("an array's items");

  private SchemaProperties() {}

  static void checkProperty(JsonNode value, Location where, Report report) {
    shape(value, PROPERTIES, INVALID_TYPE_PROPERTY).check(value, where, report);
  }

  static void checkItem(JsonNode value, Location where, Report report) {
    shape(value, ITEM_SHAPES, INVALID_TYPE_ITEM).check(value, where, report);
  }

  /** The shape for the property's logical type; the base shape when that type is not valid. */
  private static ObjectShape shape(
      JsonNode property, Map<String, ObjectShape> byType, ObjectShape invalidType) {
    JsonNode logicalType = property.path("logicalType");
    if (logicalType.isMissingNode()) {
      return byType.get("");
    }
    ObjectShape shape = logicalType.isTextual() ? byType.get(logicalType.textValue()) : null;
    return shape != null ? shape : invalidType;
  }
}
