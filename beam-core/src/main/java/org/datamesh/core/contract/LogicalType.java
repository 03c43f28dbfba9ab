package org.datamesh.core.contract;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The logical types ODCS v3 gives a property, each published (see docs/contracts.md): objects as
 * nested rows, arrays as lists, times as times of day.
 */
public enum LogicalType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  DATE,
  TIMESTAMP,
  TIME,
  ARRAY,
  OBJECT;

  /** The ODCS spelling, such as {@code timestamp}. */
  public String odcsName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type an ODCS {@code logicalType} names, or null for a name ODCS does not define. */
  static @Nullable LogicalType fromOdcs(String name) {
    for (LogicalType type : values()) {
      if (type.odcsName().equals(name)) {
        return type;
      }
    }
    return null;
  }
}
