package org.datamesh.core.standardize;

import java.io.Serializable;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Puts one field of a row into canonical form, possibly changing its type (text to timestamp).
 * Implementations are small immutable values; see {@link Standardizers} for the built-in ones.
 */
public interface FieldStandardizer extends Serializable {

  /** Read-only access to the row being standardized, with earlier standardizers already applied. */
  interface FieldLookup {
    @Nullable
    Object get(String field);
  }

  /** The field this standardizer rewrites. */
  String field();

  /** Other fields it reads, which must exist in the input schema. */
  default java.util.List<String> reads() {
    return java.util.List.of();
  }

  /** The field's type after standardization. */
  FieldType outputType(FieldType inputType);

  /**
   * The canonical form of {@code value} (null stays null unless the standardizer says otherwise).
   *
   * @throws StandardizationException with a reason that does not quote the value
   */
  @Nullable
  Object apply(@Nullable Object value, FieldLookup row) throws StandardizationException;

  /** What it does, for display data: {@code "order_ts: timestamp to UTC"}. */
  String describe();
}
