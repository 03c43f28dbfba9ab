package org.datamesh.core.contract;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The two answers {@code validate-contract} gives about a contract: is it a valid ODCS contract,
 * and what will {@code run} do with it.
 *
 * <pre>{@code
 * ContractInspection inspection = ContractLoader.inspect(Path.of("sales.odcs.yaml"));
 * inspection.validOdcs();    // false: inspection.invalid() lists each problem by path
 * inspection.runnable();     // whether run can build every table
 * inspection.refusals();     // why run refuses what it cannot build
 * inspection.notices();      // what run loads but does not enforce, or will not publish
 * }</pre>
 *
 * @param source the file or name the contract was read from
 * @param invalid where the document breaks the ODCS standard; empty for a valid contract
 * @param refusals what keeps {@code run} from building a valid contract (an unknown {@code
 *     standardize} value, two properties of one name, a table without columns...); empty when
 *     {@code run} can build it
 * @param notices parts loaded but not enforced, or not published
 * @param contract the contract when it is valid and {@code run} can build it, else null
 */
public record ContractInspection(
    String source,
    List<ContractProblem> invalid,
    List<ContractProblem> refusals,
    List<ContractProblem> notices,
    @Nullable DataContract contract) {

  public ContractInspection {
    invalid = List.copyOf(invalid);
    refusals = List.copyOf(refusals);
    notices = List.copyOf(notices);
  }

  /** Whether the document is a valid ODCS v3 contract. */
  public boolean validOdcs() {
    return invalid.isEmpty();
  }

  /** Whether {@code run} can build and publish the product: valid, with nothing refused. */
  public boolean runnable() {
    return validOdcs() && refusals.isEmpty() && contract != null;
  }

  /** Returns this inspection with {@code more} refusals, found while mapping to a product. */
  public ContractInspection refusing(List<ContractProblem> more) {
    List<ContractProblem> all = new java.util.ArrayList<>(refusals);
    all.addAll(more);
    return new ContractInspection(source, invalid, all, notices, more.isEmpty() ? contract : null);
  }
}
