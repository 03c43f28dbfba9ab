package org.datamesh.core.contract.odcs;

/**
 * The small shapes many ODCS sections share: tags, custom properties and authoritative
 * definitions.
 *
 * <pre>{@code
 * customProperties:
 *   - property: protection
 *     value: tokenize
 * authoritativeDefinitions:
 *   - type: businessDefinition
 *     url: https://example.com/glossary/order
 * tags: [finance, orders]
 * }</pre>
 */
final class CommonShapes {

  /** {@code tags}: a list of strings. */
  static final Check TAGS = Values.STRINGS;

  /** One {@code customProperties} entry: a property name and a value of any kind. */
  static final ObjectShape CUSTOM_PROPERTY =
      ObjectShape.closed("a custom property")
          .required("property", Values.STRING)
          .required("value", Values.ANY)
          .optional("id", Formats.STABLE_ID)
          .optional("description", Values.STRING);

  static final Check CUSTOM_PROPERTIES = Values.listOf(CUSTOM_PROPERTY);

  /** One {@code authoritativeDefinitions} entry: where a definition is kept, and of what kind. */
  static final ObjectShape AUTHORITATIVE_DEFINITION =
      ObjectShape.closed("an authoritative definition")
          .required("url", Values.STRING)
          .required("type", Values.STRING)
          .optional("id", Formats.STABLE_ID)
          .optional("description", Values.STRING);

  static final Check AUTHORITATIVE_DEFINITIONS = Values.listOf(AUTHORITATIVE_DEFINITION);

  private CommonShapes() {}
}
