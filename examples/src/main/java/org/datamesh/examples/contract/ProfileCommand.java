package org.datamesh.examples.contract;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileIO;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.EmbeddedFlinkFolder;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.UsageException;
import org.datamesh.rules.profile.ContractSuggestion;
import org.datamesh.rules.profile.DatasetProfile;
import org.datamesh.rules.profile.Profile;

/**
 * {@code datamesh profile --input=GLOB --output=contract.yaml}: profiles CSV or JSON-lines files
 * in one pass ({@link Profile}) and writes the ODCS contract suggested from the profile ({@link
 * ContractSuggestion}): inferred types, {@code required}, formats and the values of small
 * enumerations, only rules the data satisfies, so {@code run} with the contract on the same
 * files publishes every readable record.
 *
 * <pre>{@code
 * java -jar examples/target/datamesh.jar profile --input='exports/customers-*.csv' \
 *     --output=customers.odcs.yaml --domain=crm --name=customers
 * }</pre>
 *
 * <p>The contract is checked with the project's own loader before it is written, and written
 * whole or not at all (a temporary file beside it, then a link or an atomic rename). An existing
 * file is refused (exit 2) unless {@code --force}.
 */
public final class ProfileCommand implements Command {

  @Override
  public String name() {
    return "profile";
  }

  @Override
  public String summary() {
    return "Profile input files and write the ODCS contract they satisfy";
  }

  @Override
  public Class<ProfileOptions> optionsType() {
    return ProfileOptions.class;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    ProfileOptions options = Options.parse(args, ProfileOptions.class);
    Profile profile = layout(options.getInputFormat(), options.getInput());
    if (options.getEnumerationLimit() < 0 || options.getEnumerationLimit() > 1000) {
      throw new UsageException("--enumerationLimit must be between 0 and 1000");
    }
    String input = InputFiles.check(options.getInput(), options);
    Path target = target(options.getOutput(), options.getForce());

    EmbeddedFlinkFolder.use(options);
    Pipeline pipeline = Pipeline.create(options);
    ProfileReceipt receipt = ProfileReceipt.create();
    receipt.keep(
        pipeline
            .apply("MatchInput", FileIO.match().filepattern(input))
            .apply("ReadInput", FileIO.readMatches())
            .apply("Profile", profile.withEnumerationLimit(options.getEnumerationLimit())));
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    Optional<DatasetProfile> result = receipt.read();
    if (state != PipelineResult.State.DONE || result.isEmpty()) {
      out.println("The profile ended " + state + "; nothing was written.");
      return ExitCode.RUN_FAILED;
    }

    if (result.get().records() == 0) {
      throw new UsageException(
          "--input holds no readable record to profile (" + result.get().unreadable()
              + " unreadable); nothing was written");
    }
    String name = options.getName() != null ? options.getName() : baseName(input);
    String yaml =
        ContractSuggestion.of(result.get())
            .withName(name)
            .withTable(options.getTable() != null ? options.getTable() : name)
            .withDomain(options.getDomain())
            .withVersion(options.getContractVersion())
            .yaml();
    try {
      // Our own suggestion must be a contract run accepts: checked before anyone sees it.
      ContractLoader.parse(yaml, target.toString());
    } catch (ContractException e) {
      throw new IllegalStateException("the suggested contract is not valid: " + e.problems(), e);
    }
    write(target, yaml, options.getForce());
    new ProfileSummary(result.get()).print(out, target);
    return ExitCode.OK;
  }

  /** The layout {@code --inputFormat} names; {@code auto} goes by the input's extension, as run's. */
  private static Profile layout(String format, String input) throws UsageException {
    String named = format == null ? "" : format.toLowerCase(Locale.ROOT);
    if (named.equals("auto")) {
      named =
          input != null && InputFiles.formatOf(input) == RecordFormat.Kind.JSON_LINES ? "jsonl" : "csv";
    }
    switch (named) {
      case "csv":
        return Profile.csv();
      case "jsonl":
        return Profile.jsonLines();
      default:
        throw new UsageException("--inputFormat must be csv or jsonl");
    }
  }

  /** The file to write, checked before anything runs: one line and exit 2 when unusable. */
  static Path target(String output, boolean force) throws UsageException {
    if (output == null || output.isBlank()) {
      throw new UsageException("--output is required: the contract file to write, e.g. contract.yaml");
    }
    Path path;
    try {
      path = Paths.get(output).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new UsageException("--output is not a valid path: " + e.getReason());
    }
    if (Files.isDirectory(path)) {
      throw new UsageException("--output names a folder; give the contract file, e.g. " + path.resolve("contract.yaml"));
    }
    if (Files.exists(path) && !force) {
      throw new UsageException("--output " + path + " exists; add --force to replace it");
    }
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new UsageException("cannot create the folder of --output " + path);
    }
    return path;
  }

  /**
   * Writes {@code yaml} whole: to a temporary file beside {@code target}, then linked into place
   * (refusing a file that appeared meanwhile) or, with {@code force}, renamed over it atomically.
   */
  static void write(Path target, String yaml, boolean force) throws IOException, UsageException {
    Path temporary = Files.createTempFile(target.getParent(), ".datamesh-profile-", ".yaml.tmp");
    try {
      Files.writeString(temporary, yaml, StandardCharsets.UTF_8);
      if (force) {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        try {
          Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
          throw new UsageException("--output " + target + " exists; add --force to replace it");
        }
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The input's file name without folders, extensions and glob characters: the default name. */
  static String baseName(String input) {
    String file = input.replaceAll(".*[/\\\\]", "");
    String stem = file.replaceAll("\\..*$", "").replaceAll("[*?\\[\\]{}]", "");
    String trimmed = stem.replaceAll("^[-_.]+|[-_.]+$", "");
    return trimmed.isEmpty() ? "profiled" : trimmed;
  }
}
