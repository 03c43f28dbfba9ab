package org.datamesh.core.evolution;

/**
 * The kinds of difference between a published schema and a new one, each breaking for consumers
 * or not. A renamed field shows as {@link #FIELD_REMOVED} plus an added one: by name, a consumer's
 * query no longer finds it.
 */
public enum ChangeKind {
  /** A new nullable field: old readers ignore it, old data reads as null. */
  FIELD_ADDED_OPTIONAL(false),
  /** A new required field: data published before has no value for it. */
  FIELD_ADDED_REQUIRED(true),
  /** A field is gone: queries naming it fail. */
  FIELD_REMOVED(true),
  /** Every old value fits the new type exactly (INT32 to INT64, DECIMAL(10,2) to DECIMAL(12,2)). */
  TYPE_WIDENED(false),
  /** Narrowed or otherwise changed: some values, or readers' code, no longer fit. */
  TYPE_CHANGED(true),
  /** A nullable field became required: readers of older versions may still meet nulls. */
  MADE_REQUIRED(true),
  /** A required field became nullable: readers must now expect nulls, which SQL readers do. */
  MADE_NULLABLE(false),
  /** A new table of the product: nobody reads it yet. */
  TABLE_ADDED(false),
  /** A table is no longer published: consumers reading it find nothing. */
  TABLE_REMOVED(true);

  private final boolean breaking;

  ChangeKind(boolean breaking) {
    this.breaking = breaking;
  }

  public boolean breaking() {
    return breaking;
  }
}
