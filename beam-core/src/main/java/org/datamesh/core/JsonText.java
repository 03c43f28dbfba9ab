package org.datamesh.core;

import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Marks a text field whose values are JSON: a contract's {@code object} without {@code
 * properties} or {@code array} without {@code items}, whose shape it leaves open. Such a value is
 * published as its JSON text (compact, as read), after the parsers have checked that it is an
 * object or an array as declared.
 *
 * <pre>{@code
 * Schema.Field details =
 *     Schema.Field.nullable("customer_details", FieldType.STRING)
 *         .withOptions(Schema.Options.builder().setOption(JsonText.OPTION, FieldType.STRING, JsonText.OBJECT));
 * // {"customer_details": {"num_children": 2}}  ->  "{\"num_children\":2}"
 * }</pre>
 */
public final class JsonText {

  /** The field option (Beam {@link Schema.Options}) saying which JSON value the text holds. */
  public static final String OPTION = "datamesh.json.text";

  /** The option's value for a JSON object. */
  public static final String OBJECT = "object";

  /** The option's value for a JSON array. */
  public static final String ARRAY = "array";

  private JsonText() {}

  /** {@link #OBJECT} or {@link #ARRAY} when {@code field} holds JSON text, else null. */
  public static @Nullable String kindOf(Schema.Field field) {
    Schema.Options options = field.getOptions();
    if (!options.hasOptions() || !options.hasOption(OPTION)) {
      return null;
    }
    return options.getValue(OPTION, String.class);
  }
}
