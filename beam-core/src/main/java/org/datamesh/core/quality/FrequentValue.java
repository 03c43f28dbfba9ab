package org.datamesh.core.quality;

import java.io.Serializable;

/**
 * One of a column's most common values in a run, as published: a protected column's values are
 * its tokens or masks, never its clear values.
 *
 * <pre>{@code
 * quality.topValues().get("status");  // [shipped x 812, pending x 140, cancelled x 48]
 * }</pre>
 *
 * @param value the value's text (numbers plain, instants in ISO-8601)
 * @param count how many published rows hold it; exact when {@code maxError} is 0
 * @param maxError how far {@code count} may be below the true count (a frequent-items sketch
 *     keeps a bounded number of values; 0 while the column has few distinct values)
 */
public record FrequentValue(String value, long count, long maxError) implements Serializable {}
