package org.datamesh.examples.contract;

import java.io.PrintStream;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;

/**
 * {@code datamesh validate-contract --contract=FILE}: loads a contract as {@code run} would, maps
 * it to its product, and prints what the product will be (exit 0), or every problem with its YAML
 * path (exit 2).
 *
 * <pre>{@code
 * java -jar examples/target/datamesh.jar validate-contract --contract=contracts/sales-orders.odcs.yaml
 * }</pre>
 */
public final class ValidateContractCommand implements Command {

  @Override
  public String name() {
    return "validate-contract";
  }

  @Override
  public String summary() {
    return "Check an ODCS contract and summarize its product, or list its problems by YAML path";
  }

  @Override
  public Class<ValidateContractOptions> optionsType() {
    return ValidateContractOptions.class;
  }

  @Override
  public boolean takesBeamOptions() {
    return false;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    ValidateContractOptions options = Options.parse(args, ValidateContractOptions.class);
    ContractFile file = ContractFile.of(options.getContract());
    DataContract contract = file.load();
    // Mapping to the product finds what loading alone does not (standardization, deduplication);
    // the input format does not change what can go wrong there.
    file.spec(contract, RecordFormat.Kind.CSV);
    new ContractSummary(contract).print(out, file.path());
    // Schema evolution (--against=PUBLISHED_DIR) adds one step here: compare with the published
    // version's contract, print each change's class, and exit 2 on a breaking one.
    return ExitCode.OK;
  }
}
