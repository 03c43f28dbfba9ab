package org.datamesh.examples.contract;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.datamesh.core.evolution.EvolutionReport;
import org.datamesh.core.evolution.SchemaEvolution;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.UsageException;

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
    return options.getAgainst() == null ? ExitCode.OK : compareWithPublished(contract, options, out);
  }

  /**
   * Classifies each change from the published version's schema to the contract's, as a run into
   * that folder would; a breaking change without a new major version is a usage error (exit 2).
   */
  private static int compareWithPublished(
      DataContract contract, ValidateContractOptions options, PrintStream out)
      throws IOException, UsageException {
    ResourceId folder = FileSystems.matchNewResource(options.getAgainst(), true);
    Optional<Manifest> published = Manifest.readIfPresent(folder);
    if (published.isEmpty()) {
      throw new UsageException(
          "no published product in " + options.getAgainst() + " (no " + Manifest.FILE_NAME + ")");
    }
    EvolutionReport report =
        SchemaEvolution.from(published.get()).to(contract.publishedSchema(), contract.version());
    out.println(report);
    if (!report.allowed()) {
      throw new UsageException(
          "the contract breaks consumers of the published version "
              + report.publishedVersion() + " without a new major version ("
              + report.newVersion() + "):",
          report.breakingChanges().stream().map(c -> c.kind() + ": " + c.description()).toList());
    }
    return ExitCode.OK;
  }
}
