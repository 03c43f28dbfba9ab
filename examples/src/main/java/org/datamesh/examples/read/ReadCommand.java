package org.datamesh.examples.read;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sample;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.read.ReadDataProduct;
import org.datamesh.core.read.RoleAccess;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.EmbeddedFlinkFolder;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.UsageException;
import org.datamesh.examples.contract.ContractFile;
import org.datamesh.examples.keys.KeysetOption;
import org.datamesh.rules.contract.ContractAccess;

/**
 * {@code datamesh read --product=DIR [--contract=FILE --role=R] [--table=T] [--limit=N]
 * [--format=csv|jsonl]}: prints a published product's rows as a role reads them, through the
 * manifest in force.
 *
 * <pre>{@code
 * java -jar examples/target/datamesh.jar read --product=target/mesh/crm/customers \
 *     --contract=crm-customers.odcs.yaml --role=marketing --limit=5
 * }</pre>
 *
 * <p>Without {@code --role} the rows are printed as published (protected columns stay tokens and
 * ciphertexts). A role unknown to the contract is exit 2, naming the roles it declares.
 */
public final class ReadCommand implements Command {

  @Override
  public String name() {
    return "read";
  }

  @Override
  public String summary() {
    return "Print a published product's rows as a role of its contract reads them";
  }

  @Override
  public Class<ReadOptions> optionsType() {
    return ReadOptions.class;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    ReadOptions options = Options.parse(args, ReadOptions.class);
    if (options.getProduct() == null || options.getProduct().isBlank()) {
      throw new UsageException("read needs --product=DIR, a published product's folder");
    }
    String format = options.getFormat() == null ? "csv" : options.getFormat();
    if (!format.equals("csv") && !format.equals("jsonl")) {
      throw new UsageException("--format is csv or jsonl, not " + format);
    }
    if (options.getLimit() < 0) {
      throw new UsageException("--limit must be 0 (all rows) or more");
    }
    ReadDataProduct read = ReadDataProduct.from(options.getProduct());
    if (options.getTable() != null) {
      read = read.table(options.getTable());
    }
    if (options.getRole() != null) {
      read = read.as(role(options));
      DataKeys keys = KeysetOption.read(options.getKeyset());
      if (keys != null) {
        read = read.withKeys(keys);
      }
    } else if (options.getContract() != null) {
      throw new UsageException("--contract gives the roles; name one with --role=R");
    }
    if (!Files.exists(Path.of(options.getProduct()).resolve("_manifest.json"))
        && !options.getProduct().contains("://")) {
      throw new UsageException(
          "no published product at " + options.getProduct() + " (no _manifest.json there)");
    }

    Path work = Files.createTempDirectory("datamesh-read-");
    try {
      EmbeddedFlinkFolder.use(options);
      Pipeline pipeline = Pipeline.create(options);
      PCollection<Row> rows;
      try {
        rows = pipeline.apply("Read", read);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      if (options.getLimit() > 0) {
        rows =
            rows.apply("Limit", Sample.any(options.getLimit())).setRowSchema(rows.getSchema());
      }
      String header = RowText.csvHeader(rows.getSchema());
      rows.apply(
              "Text",
              MapElements.into(TypeDescriptors.strings())
                  .via(format.equals("csv") ? RowText::csv : RowText::jsonLine))
          .apply("Write", TextIO.write().to(work.resolve("rows").toString()).withSuffix(".txt").withoutSharding());
      PipelineResult.State state = pipeline.run().waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        out.println("The read ended " + state + ".");
        return ExitCode.RUN_FAILED;
      }
      if (format.equals("csv")) {
        out.println(header);
      }
      for (String line : Files.readAllLines(work.resolve("rows.txt"), StandardCharsets.UTF_8)) {
        out.println(line);
      }
      return ExitCode.OK;
    } finally {
      deleteAll(work);
    }
  }

  private static RoleAccess role(ReadOptions options) throws UsageException {
    if (options.getContract() == null) {
      throw new UsageException("--role needs --contract=FILE, whose roles say what each role reads");
    }
    ContractFile file = ContractFile.of(options.getContract());
    DataContract contract = file.load(null);
    try {
      return ContractAccess.role(contract, options.getRole());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static void deleteAll(Path folder) throws IOException {
    try (var files = Files.walk(folder)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

}
