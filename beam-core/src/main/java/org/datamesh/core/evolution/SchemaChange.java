package org.datamesh.core.evolution;

import java.io.Serializable;

/**
 * One difference between a published schema and a new one.
 *
 * <pre>{@code
 * new SchemaChange("amount", ChangeKind.TYPE_CHANGED, "amount: DECIMAL(18,4) -> DECIMAL(10,4)", true);
 * }</pre>
 *
 * @param field the field's name
 * @param description what changed, naming the field, for people
 * @param breaking whether consumers of the published version can break
 */
public record SchemaChange(String field, ChangeKind kind, String description, boolean breaking)
    implements Serializable {

  static SchemaChange of(String field, ChangeKind kind, String description) {
    return new SchemaChange(field, kind, description, kind.breaking());
  }

  @Override
  public String toString() {
    return (breaking ? "BREAKING " : "compatible ") + kind + ": " + description;
  }
}
