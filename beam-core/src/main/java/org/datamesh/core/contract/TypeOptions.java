package org.datamesh.core.contract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A property's ODCS {@code logicalTypeOptions} that datamesh-beam reads; each null when not given.
 * Numeric bounds are kept for numbers and integers; the bounds of dates, times and timestamps are
 * kept as written, in {@link #temporalBounds} (checked at load to read in the property's format).
 *
 * <pre>{@code
 * // logicalTypeOptions: {minimum: 0, maximum: 999}
 * field.minimum();  // 0
 * // logicalTypeOptions: {format: "dd/MM/yyyy", minimum: "01/01/2020"}
 * field.typeOptions().temporalBounds();  // {minimum=01/01/2020}
 * }</pre>
 *
 * @param defaultTimezone the zone of timestamps written without an offset; null means UTC
 * @param temporalBounds {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code
 *     exclusiveMaximum} of a date, time or timestamp, as text in the property's format
 */
public record TypeOptions(
    @Nullable String pattern,
    @Nullable String format,
    @Nullable Integer minLength,
    @Nullable Integer maxLength,
    @Nullable BigDecimal minimum,
    @Nullable BigDecimal maximum,
    @Nullable BigDecimal exclusiveMinimum,
    @Nullable BigDecimal exclusiveMaximum,
    @Nullable String defaultTimezone,
    Map<String, String> temporalBounds)
    implements Serializable {

  static final TypeOptions NONE =
      new TypeOptions(null, null, null, null, null, null, null, null, null, Map.of());

  public TypeOptions {
    temporalBounds = Collections.unmodifiableMap(new LinkedHashMap<>(temporalBounds));
  }
}
