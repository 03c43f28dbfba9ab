package org.datamesh.core.contract;

import java.io.Serializable;
import java.util.List;

/**
 * A relationship the contract declares between columns ({@code relationships}, ODCS v3.1), such
 * as a foreign key from one table's columns to another's. Loaded into the model; checking it
 * against the data is a dataset check.
 *
 * <pre>{@code
 * // schema[1].relationships: [{type: foreignKey, from: [order_lines.order_id], to: [orders.order_id]}]
 * relationship.from();   // [order_lines.order_id]
 * relationship.to();     // [orders.order_id]
 * }</pre>
 *
 * @param type {@code foreignKey} unless the contract says otherwise
 * @param from the referencing columns as {@code table.column}; for a relationship declared on a
 *     property, that property
 * @param to the referenced columns as {@code table.column}, one per {@code from} column
 * @param path where the relationship is declared in the contract
 */
public record ContractRelationship(String type, List<String> from, List<String> to, String path)
    implements Serializable {

  public ContractRelationship {
    from = List.copyOf(from);
    to = List.copyOf(to);
  }
}
