package org.datamesh.core.contract.odcs;

/**
 * {@code schema}: the objects (tables, topics, documents) the contract describes, each with its
 * {@code properties}, {@code relationships} and {@code quality} rules.
 *
 * <pre>{@code
 * schema:
 *   - name: orders
 *     physicalName: orders_v1
 *     logicalType: object
 *     properties: [...]
 *     quality:
 *       - {metric: rowCount, mustBeGreaterThan: 0}
 * }</pre>
 */
final class SchemaObjects {

  private static final ObjectShape OBJECT =
      element("a schema object")
          .required("name", Values.STRING)
          .optional("logicalType", Values.oneOf("object"))
          .optional("physicalName", Values.STRING)
          .optional("dataGranularityDescription", Values.STRING)
          .optional("properties", Values.listOf(SchemaProperties::checkProperty))
          .optional("relationships", Relationships.ON_OBJECTS)
          .optional("quality", QualityRules.LIST);

  static final Check LIST = Values.listOf(OBJECT);

  private SchemaObjects() {}

  /** What schema objects and properties alike may say of themselves. */
  static ObjectShape element(String what) {
    return ObjectShape.closed(what)
        .optional("name", Values.STRING)
        .optional("id", Formats.STABLE_ID)
        .optional("physicalType", Values.STRING)
        .optional("businessName", Values.STRING)
        .optional("description", Values.STRING)
        .optional("tags", CommonShapes.TAGS)
        .optional("customProperties", CommonShapes.CUSTOM_PROPERTIES)
        .optional("authoritativeDefinitions", CommonShapes.AUTHORITATIVE_DEFINITIONS);
  }
}
