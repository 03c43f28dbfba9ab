package org.datamesh.examples.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.datamesh.pipelines.orders.OrdersRules;

/**
 * The per-record work of the orders product, written plainly for the baselines: typed parse of the
 * raw fields, then trimming, upper-casing, timestamps to UTC and the amount to its currency's
 * minor unit, then the twelve rules of {@link OrdersRules} on those values (ERROR rejects, WARN
 * counts), in the library's order.
 *
 * <pre>{@code
 * OrderOutcome outcome = OrderRecordCheck.check(record, recordNumber, columns);
 * if (outcome.isClean()) { ... outcome.order() ... } else { ... outcome.failedStage() ... }
 * }</pre>
 *
 * <p>Failure stages and rule ids are named as the library names them, so counts compare directly.
 */
final class OrderRecordCheck {

  static final String PARSE = "PARSE";
  static final String VALIDATE = "VALIDATE";
  static final String STANDARDIZE = "STANDARDIZE";

  private static final Pattern ORDER_ID = Pattern.compile("ORD-[0-9]{6,}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  /** The statuses the orders contract (sales-orders.odcs.yaml) lists as valid. */
  private static final Set<String> STATUSES =
      Set.of("PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "RETURNED");
  private static final int AMOUNT_PRECISION = 18;
  private static final int AMOUNT_SCALE = 4;

  private OrderRecordCheck() {}

  static OrderOutcome check(CsvSplitter.Record record, long recordNumber, OrderColumns columns) {
    List<String> problems = columns.problemsOf(record);
    if (!problems.isEmpty()) {
      return OrderOutcome.failed(PARSE, problems, List.of());
    }
    String orderId = columns.text(record, 0);
    String customerId = columns.text(record, 1);
    String orderTs = columns.text(record, 2);
    String updatedAt = columns.text(record, 3);
    String currency = columns.text(record, 5);
    String status = columns.text(record, 6);
    List<String> parseErrors = new ArrayList<>(0);
    BigDecimal amount = null;
    Integer quantity = null;
    String amountText = columns.text(record, 4);
    if (amountText != null) {
      try {
        amount = new BigDecimal(amountText.trim());
      } catch (NumberFormatException e) {
        parseErrors.add("parse.number");
      }
    }
    String quantityText = columns.text(record, 7);
    if (quantityText != null) {
      try {
        quantity = Integer.parseInt(quantityText.trim());
      } catch (NumberFormatException e) {
        parseErrors.add("parse.number");
      }
    }
    if (!parseErrors.isEmpty()) {
      return OrderOutcome.failed(PARSE, parseErrors, List.of());
    }

    return standardizeThenValidate(
        orderId, customerId, orderTs, updatedAt, amount, currency, status, quantity, recordNumber);
  }

  /**
   * Standardization first, as the library's record path runs it: a record that cannot be
   * standardized fails there; the rules then judge the standardized values.
   */
  private static OrderOutcome standardizeThenValidate(
      String orderIdText,
      String customerIdText,
      String orderTs,
      String updatedAt,
      BigDecimal amount,
      String currencyText,
      String statusText,
      Integer quantity,
      long recordNumber) {
    String orderId = stripOrNull(orderIdText);
    String customerId = stripOrNull(customerIdText);
    String code = upperOrNull(currencyText);
    String status = upperOrNull(statusText);
    List<String> errors = new ArrayList<>(0);
    Long orderMillis = orderTs == null ? null : UtcTimestamps.parse(orderTs);
    if (orderTs != null && orderMillis == null) {
      errors.add("standardize.timestamp");
    }
    Long updatedMillis = updatedAt == null ? null : UtcTimestamps.parse(updatedAt);
    if (updatedAt != null && updatedMillis == null) {
      errors.add("standardize.timestamp");
    }
    BigDecimal scaled = null;
    if (amount != null) {
      Currency known = currencyOf(code);
      int minorUnits = known == null ? -1 : known.getDefaultFractionDigits();
      if (minorUnits < 0 || minorUnits > AMOUNT_SCALE) {
        errors.add("standardize.currency");
      } else {
        scaled = amount.setScale(minorUnits, RoundingMode.HALF_EVEN).setScale(AMOUNT_SCALE);
        if (scaled.precision() > AMOUNT_PRECISION) {
          errors.add("standardize.amount");
        }
      }
    }
    if (!errors.isEmpty()) {
      return OrderOutcome.failed(STANDARDIZE, errors, List.of());
    }

    requirePresent(errors, "order_id", orderId);
    if (orderId != null && !ORDER_ID.matcher(orderId).matches()) {
      errors.add("order_id.pattern");
    }
    requirePresent(errors, "customer_id", customerId);
    requirePresent(errors, "order_ts", orderMillis);
    requirePresent(errors, "amount", scaled);
    if (scaled != null && scaled.signum() < 0) {
      errors.add("amount.range");
    }
    requirePresent(errors, "currency", code);
    if (code != null && !CURRENCY.matcher(code).matches()) {
      errors.add("currency.pattern");
    }
    requirePresent(errors, "status", status);
    if (status != null && !STATUSES.contains(status)) {
      errors.add("status.allowed_values");
    }
    if (quantity != null && (quantity < 1 || quantity > 1000)) {
      errors.add("quantity.range");
    }
    List<String> warnings =
        quantity != null && quantity > OrdersRules.BULK_QUANTITY
            ? List.of("quantity.bulk")
            : List.of();
    if (!errors.isEmpty()) {
      return OrderOutcome.failed(VALIDATE, errors, List.of());
    }
    return OrderOutcome.clean(
        new CleanOrder(
            orderId, customerId, orderMillis, updatedMillis, scaled, code, status, quantity,
            recordNumber),
        warnings);
  }

  private static void requirePresent(List<String> errors, String field, Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      errors.add(field + ".not_null");
    }
  }

  private static Currency currencyOf(String code) {
    if (code == null) {
      return null;
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** Trimmed of white space; blank text is a missing value. */
  private static String stripOrNull(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private static String upperOrNull(String text) {
    String stripped = stripOrNull(text);
    return stripped == null ? null : stripped.toUpperCase(Locale.ROOT);
  }
}
