package org.datamesh.examples.contract;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.datamesh.core.evolution.EvolutionReport;
import org.datamesh.core.evolution.SchemaEvolution;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.contract.ContractInspection;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.UsageException;

/**
 * {@code datamesh validate-contract --contract=FILE}: answers two questions about a contract. Is
 * it a valid ODCS contract (exit 0), or not (exit 2, every problem with its YAML path)? And what
 * will {@code run} do with it: the product and its tables, what is loaded but not enforced, and,
 * for a valid contract {@code run} cannot build, why. {@code --format=json} prints the same as
 * JSON on standard output, for CI pipelines.
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
    boolean json = ContractReport.isJson(options.getFormat());
    ContractFile file = ContractFile.of(options.getContract());
    ContractInspection inspection = file.inspect(options.getDomain());
    if (json) {
      ContractReport.print(inspection, out);
      return inspection.validOdcs() ? ExitCode.OK : ExitCode.USAGE;
    }
    if (!inspection.validOdcs()) {
      throw file.refused(inspection.invalid());
    }
    if (!inspection.runnable()) {
      out.println(
          "Contract " + file.path() + " is valid ODCS, but run cannot build it ("
              + inspection.refusals().size() + (inspection.refusals().size() == 1 ? " reason" : " reasons")
              + "):");
      inspection.refusals().forEach(r -> out.println("    " + r));
      ContractSummary.printNotices(out, inspection.notices());
      return ExitCode.OK;
    }
    DataContract contract = inspection.contract();
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
    Map<String, List<Manifest.Column>> tables = new LinkedHashMap<>();
    for (ContractTable table : contract.tables()) {
      tables.put(table.folder(), Manifest.columnsOf(table.publishedSchema()));
    }
    EvolutionReport report = SchemaEvolution.ofProduct(published.get(), tables, contract.version());
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
