package org.datamesh.rules.contract;

import org.datamesh.core.contract.ContractRole;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.read.RoleAccess;
import org.datamesh.rules.CelRowFilter;

/**
 * A contract's role as what it reads ({@link RoleAccess}), for {@code ReadDataProduct}: the
 * convention of {@link ContractRole} with its row filter in CEL.
 *
 * <pre>{@code
 * RoleAccess marketing = ContractAccess.role(contract, "marketing");
 * pipeline.apply(ReadDataProduct.from(productDir).as(marketing).withKeys(keys));
 * }</pre>
 */
public final class ContractAccess {

  private ContractAccess() {}

  /**
   * What the role called {@code name} reads; throws {@link IllegalArgumentException}, listing the
   * contract's roles, when it declares no such role.
   */
  public static RoleAccess role(DataContract contract, String name) {
    ContractRole role = contract.role(name);
    RoleAccess access = RoleAccess.named(role.name());
    if (role.readColumns() != null) {
      access = access.readingOnly(role.readColumns().toArray(new String[0]));
    }
    access = access.masking(role.maskedColumns().toArray(new String[0]));
    access = access.inClear(role.clearColumns().toArray(new String[0]));
    if (role.rowFilter() != null) {
      access = access.filteredBy(CelRowFilter.of(role.rowFilter()));
    }
    return access;
  }
}
