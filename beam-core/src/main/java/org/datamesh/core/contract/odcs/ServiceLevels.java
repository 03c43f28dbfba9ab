package org.datamesh.core.contract.odcs;

/**
 * {@code slaProperties}: the service levels promised, each a property with a value.
 *
 * <pre>{@code
 * slaProperties:
 *   - property: retention
 *     value: 3
 *     unit: y
 *   - property: frequency
 *     value: 1
 *     valueExt: 1
 *     unit: d
 *     element: orders.order_ts
 * }</pre>
 */
final class ServiceLevels {

  static final ObjectShape PROPERTY =
      ObjectShape.closed("a service-level property")
          .required("property", Values.STRING)
          .required("value", Values.SINGLE_VALUE)
          .optional("id", Formats.STABLE_ID)
          .optional("description", Values.STRING)
          .optional("valueExt", Values.SINGLE_VALUE)
          .optional("unit", Values.STRING)
          .optional("element", Values.STRING)
          .optional("driver", Values.STRING)
          .optional("scheduler", Values.STRING)
          .optional("schedule", Values.STRING);

  static final Check LIST = Values.listOf(PROPERTY);

  private ServiceLevels() {}
}
