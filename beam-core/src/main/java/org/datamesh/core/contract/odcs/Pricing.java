package org.datamesh.core.contract.odcs;

/**
 * {@code price}: what the data costs its consumers.
 *
 * <pre>{@code
 * price:
 *   priceAmount: 0.5
 *   priceCurrency: EUR
 *   priceUnit: megabyte
 * }</pre>
 */
final class Pricing {

  static final ObjectShape PRICE =
      ObjectShape.closed("a price")
          .optional("id", Formats.STABLE_ID)
          .optional("priceAmount", Values.NUMBER)
          .optional("priceCurrency", Values.STRING)
          .optional("priceUnit", Values.STRING);

  private Pricing() {}
}
