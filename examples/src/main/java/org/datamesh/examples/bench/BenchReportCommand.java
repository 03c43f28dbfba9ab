package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.UsageException;

/**
 * {@code datamesh bench-report --results=DIR/results.json [--out=docs/benchmarks.md]}: writes the
 * benchmarks document from a bench run's results, keeping the hand-written profiles section of the
 * existing document ({@link BenchmarksDoc}).
 *
 * <pre>{@code
 * java -jar examples/target/datamesh.jar bench-report --results=target/bench/results.json
 * }</pre>
 */
public final class BenchReportCommand implements Command {

  @Override
  public String name() {
    return "bench-report";
  }

  @Override
  public String summary() {
    return "Write docs/benchmarks.md from a bench run's results.json (keeps its Profiles section)";
  }

  @Override
  public Class<BenchReportOptions> optionsType() {
    return BenchReportOptions.class;
  }

  @Override
  public boolean takesBeamOptions() {
    return false;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    BenchReportOptions options = Options.parse(args, BenchReportOptions.class);
    if (options.getResults() == null || options.getResults().isBlank()) {
      throw new UsageException("--results is required: the results.json of a bench run");
    }
    Path results = Paths.get(options.getResults());
    JsonNode parsed;
    try {
      parsed = new ObjectMapper().readTree(results.toFile());
    } catch (IOException e) {
      throw new UsageException("cannot read " + results + " (" + e.getMessage() + ")");
    }
    if (parsed == null || !parsed.path("scenarios").isArray()) {
      throw new UsageException(results + " is not the results.json of a bench run");
    }
    Path report = Paths.get(options.getOut());
    write(parsed, report);
    out.println("Wrote " + report.toAbsolutePath());
    return ExitCode.OK;
  }

  /** Writes the document for {@code results} to {@code report}, keeping its profiles section. */
  static void write(JsonNode results, Path report) throws IOException {
    String existing =
        Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : null;
    Path parent = report.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(report, BenchmarksDoc.render(results, existing), StandardCharsets.UTF_8);
  }
}
