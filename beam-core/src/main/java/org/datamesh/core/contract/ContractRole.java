package org.datamesh.core.contract;

import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One of a contract's {@code roles}, with what datamesh-beam's access convention says it reads.
 * ODCS names roles and their access level; which columns and rows a role sees is this convention
 * of role-level custom properties:
 *
 * <pre>{@code
 * roles:
 *   - role: marketing
 *     access: read
 *     customProperties:
 *       - property: readColumns       # the only columns it reads (default: every column)
 *         value: [customer_id, city, phone]
 *       - property: maskedColumns     # read masked
 *         value: [phone]
 *       - property: clearColumns      # encrypted columns read decrypted (the reader needs the keyset)
 *         value: [email]
 *       - property: rowFilter         # the rows it reads, a CEL expression over the columns
 *         value: "city == 'Berlin'"
 * }</pre>
 *
 * @param name the role's {@code role}
 * @param access its {@code access} ({@code read}, {@code write}), if given
 * @param path where the role is in the contract, such as {@code roles[0]}
 * @param readColumns the only columns it reads; null for every column
 * @param maskedColumns columns it reads masked
 * @param clearColumns encrypted columns it reads in clear
 * @param rowFilter the CEL expression a row must satisfy to be read; null for every row
 */
public record ContractRole(
    String name,
    @Nullable String access,
    String path,
    @Nullable List<String> readColumns,
    List<String> maskedColumns,
    List<String> clearColumns,
    @Nullable String rowFilter)
    implements Serializable {

  public static final String READ_COLUMNS = "readColumns";
  public static final String MASKED_COLUMNS = "maskedColumns";
  public static final String CLEAR_COLUMNS = "clearColumns";
  public static final String ROW_FILTER = "rowFilter";

  public ContractRole {
    readColumns = readColumns == null ? null : List.copyOf(readColumns);
    maskedColumns = List.copyOf(maskedColumns);
    clearColumns = List.copyOf(clearColumns);
  }
}
