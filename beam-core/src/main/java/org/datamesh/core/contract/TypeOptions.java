package org.datamesh.core.contract;

import java.io.Serializable;
import java.math.BigDecimal;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A property's ODCS {@code logicalTypeOptions} that datamesh-beam reads; each null when not given.
 * Numeric bounds are kept only for numbers and integers (date and timestamp bounds are reported as
 * not supported yet).
 *
 * <pre>{@code
 * // logicalTypeOptions: {minimum: 0, maximum: 999}
 * field.minimum();  // 0
 * }</pre>
 */
public record TypeOptions(
    @Nullable String pattern,
    @Nullable String format,
    @Nullable Integer minLength,
    @Nullable Integer maxLength,
    @Nullable BigDecimal minimum,
    @Nullable BigDecimal maximum,
    @Nullable BigDecimal exclusiveMinimum,
    @Nullable BigDecimal exclusiveMaximum)
    implements Serializable {

  static final TypeOptions NONE = new TypeOptions(null, null, null, null, null, null, null, null);
}
