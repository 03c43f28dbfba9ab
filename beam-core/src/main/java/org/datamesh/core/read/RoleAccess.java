package org.datamesh.core.read;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one role reads of a product: which columns (the others are never read from disk), which
 * of them masked, which encrypted ones decrypted, and which rows.
 *
 * <pre>{@code
 * RoleAccess marketing =
 *     RoleAccess.named("marketing")
 *         .readingOnly("customer_id", "city", "phone")
 *         .masking("phone")
 *         .inClear("email")
 *         .filteredBy(euOnly);
 * pipeline.apply(ReadDataProduct.from("/data/products/crm/customers").as(marketing).withKeys(keys));
 * }</pre>
 *
 * <p>Immutable: every {@code withX}-style method returns a new value. A column that is masked or
 * read in clear is read even when {@link #readingOnly} does not name it.
 *
 * @param name the role
 * @param readColumns the only columns read; null for every column
 * @param maskedColumns columns read masked (as text)
 * @param clearColumns encrypted columns read decrypted (as text); the reader needs the keyset
 * @param rowFilter the rows read; null for every row
 */
public record RoleAccess(
    String name,
    @Nullable Set<String> readColumns,
    Set<String> maskedColumns,
    Set<String> clearColumns,
    @Nullable RowFilter rowFilter)
    implements Serializable {

  public RoleAccess {
    readColumns = readColumns == null ? null : Set.copyOf(readColumns);
    maskedColumns = Set.copyOf(maskedColumns);
    clearColumns = Set.copyOf(clearColumns);
    for (String column : maskedColumns) {
      if (clearColumns.contains(column)) {
        throw new IllegalArgumentException(
            "role " + name + " reads " + column + " both masked and in clear: choose one");
      }
    }
  }

  /** A role that reads every column as published and every row. */
  public static RoleAccess named(String name) {
    return new RoleAccess(name, null, Set.of(), Set.of(), null);
  }

  /** Returns access like this one but reading only {@code columns} (and masked or clear ones). */
  public RoleAccess readingOnly(String... columns) {
    return new RoleAccess(name, Set.of(columns), maskedColumns, clearColumns, rowFilter);
  }

  /** Returns access like this one but reading {@code columns} masked. */
  public RoleAccess masking(String... columns) {
    return new RoleAccess(name, readColumns, Set.of(columns), clearColumns, rowFilter);
  }

  /** Returns access like this one but reading the encrypted {@code columns} decrypted. */
  public RoleAccess inClear(String... columns) {
    return new RoleAccess(name, readColumns, maskedColumns, Set.of(columns), rowFilter);
  }

  /** Returns access like this one but reading only the rows {@code filter} keeps. */
  public RoleAccess filteredBy(RowFilter filter) {
    return new RoleAccess(name, readColumns, maskedColumns, clearColumns, filter);
  }

  /** Whether the role reads {@code column} at all, given the table's {@code columns} in order. */
  boolean reads(String column) {
    return readColumns == null
        || readColumns.contains(column)
        || maskedColumns.contains(column)
        || clearColumns.contains(column);
  }

  /** Every column the access names, to check against a table's. */
  List<String> namedColumns() {
    java.util.List<String> named = new java.util.ArrayList<>();
    if (readColumns != null) {
      named.addAll(readColumns);
    }
    named.addAll(maskedColumns);
    named.addAll(clearColumns);
    return named;
  }
}
