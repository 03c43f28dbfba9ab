package org.datamesh.rules.profile;

/**
 * The type a profile infers for a column, in the lattice {@code boolean < integer < number < date
 * < timestamp < string}: two values of different types make the column the least type that reads
 * both, and every type below {@code string} is read only from values written as that type. So
 * {@code integer} and {@code number} give {@code number}, {@code date} and {@code timestamp} give
 * {@code timestamp} (a bare ISO date is read as the start of its day), and anything else gives
 * {@code string}. {@code object} and {@code array} are JSON lines' nested values, kept whole as
 * their JSON text.
 */
public enum ProfiledType {
  BOOLEAN("boolean"),
  INTEGER("integer"),
  NUMBER("number"),
  DATE("date"),
  TIMESTAMP("timestamp"),
  STRING("string"),
  OBJECT("object"),
  ARRAY("array");

  private final String logicalType;

  ProfiledType(String logicalType) {
    this.logicalType = logicalType;
  }

  /** The ODCS {@code logicalType}: {@code integer}, {@code timestamp}, ... */
  public String logicalType() {
    return logicalType;
  }

  /** The least type reading values of both types. */
  ProfiledType join(ProfiledType other) {
    if (this == other) {
      return this;
    }
    if (isNumeric() && other.isNumeric()) {
      return NUMBER;
    }
    if (isTemporal() && other.isTemporal()) {
      return TIMESTAMP;
    }
    return STRING;
  }

  private boolean isNumeric() {
    return this == INTEGER || this == NUMBER;
  }

  private boolean isTemporal() {
    return this == DATE || this == TIMESTAMP;
  }
}
