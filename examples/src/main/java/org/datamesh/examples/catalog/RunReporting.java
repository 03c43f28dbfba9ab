package org.datamesh.examples.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.catalog.Catalog;
import org.datamesh.core.catalog.OutputFiles;
import org.datamesh.core.catalog.ProductFacts;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.lineage.JsonPost;
import org.datamesh.core.lineage.LineageLog;
import org.datamesh.core.lineage.LineageRun;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.PublishDataProduct;
import org.datamesh.core.quality.QualityGateException;
import org.datamesh.examples.cli.RootCause;

/**
 * What a run leaves beside its product apart from the product itself: the OpenLineage events of
 * the run (in {@code <output>/_lineage/events.jsonl}, and POSTed to {@code --openLineageUrl}),
 * the contract's facts ({@code _product.json}, once the run published) and the refreshed catalog.
 * None of it can fail the run: a problem is one warning line.
 *
 * <pre>{@code
 * RunReporting reporting = RunReporting.of(contract, output, runId, "FlinkRunner", url, out)
 *     .withInput("orders", "exports/orders-*.csv");
 * reporting.started();
 * ... run ...
 * reporting.published(manifest);   // or reporting.failed(exception)
 * }</pre>
 */
public final class RunReporting {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final @Nullable ProductFacts facts;
  private final String output;
  private final ResourceId productDirectory;
  private final String runId;
  private final @Nullable LineageRun lineage;
  private final @Nullable String url;
  private final PrintStream out;

  private RunReporting(
      @Nullable ProductFacts facts,
      String output,
      ResourceId productDirectory,
      String runId,
      @Nullable LineageRun lineage,
      @Nullable String url,
      PrintStream out) {
    this.facts = facts;
    this.output = output;
    this.productDirectory = productDirectory;
    this.runId = runId;
    this.lineage = lineage;
    this.url = url;
    this.out = out;
  }

  /** Reporting for run {@code runId} of {@code contract}'s product into {@code output}. */
  public static RunReporting of(
      DataContract contract,
      String output,
      String runId,
      String runner,
      @Nullable String openLineageUrl,
      PrintStream out) {
    ResourceId directory = PublishDataProduct.productDirectory(output, contract.product());
    ProductFacts facts;
    try {
      facts = ProductFacts.of(contract);
    } catch (ContractException e) {
      // Cannot happen for a contract a run was built from; the product is still published.
      out.println("Warning: no catalog facts for " + contract.product().id() + ": " + e.getMessage());
      return new RunReporting(null, output, directory, runId, null, openLineageUrl, out);
    }
    LineageRun lineage = LineageRun.of(facts, directory.toString(), runId, runner);
    return new RunReporting(facts, output, directory, runId, lineage, openLineageUrl, out);
  }

  /** Returns reporting like this one for a run that reads {@code table} from {@code location}. */
  public RunReporting withInput(String table, String location) {
    return new RunReporting(
        facts, output, productDirectory, runId,
        lineage == null ? null : lineage.withInput(table, location), url, out);
  }

  /** Emits the START event. */
  public void started() {
    if (lineage != null) {
      emit(lineage.start(Instant.now()));
    }
  }

  /** Emits the COMPLETE event, writes the product's facts and refreshes the catalog. */
  public void published(Manifest manifest) {
    if (lineage != null) {
      emit(lineage.complete(Instant.now(), manifest, report(), bytes(manifest)));
    }
    if (facts != null) {
      try {
        facts.write(productDirectory);
      } catch (IOException e) {
        out.println("Warning: could not write " + ProductFacts.FILE_NAME + ": " + e.getMessage());
      }
    }
    refreshCatalog();
  }

  /** Emits the FAIL event with {@code message} and refreshes the catalog. */
  public void failed(String message) {
    if (lineage != null) {
      emit(lineage.fail(Instant.now(), message, report()));
    }
    refreshCatalog();
  }

  /** Emits the FAIL event for {@code failure}: a failed gate names its checks, not their values. */
  public void failed(Throwable failure) {
    Optional<QualityGateException> gate = QualityGateException.in(failure);
    if (gate.isPresent()) {
      List<String> ids = gate.get().failed().stream().map(c -> c.table() + "." + c.id()).toList();
      failed(
          "quality gate: run " + runId + " was not published, error checks failed: "
              + String.join(", ", ids));
      return;
    }
    Throwable root = RootCause.of(failure);
    String text = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    failed(text.length() > 2000 ? text.substring(0, 2000) : text);
  }

  /** Rebuilds {@code <output>/catalog.json}. */
  public void refreshCatalog() {
    try {
      Catalog.refresh(output);
    } catch (IOException | RuntimeException e) {
      out.println("Warning: could not write the catalog: " + e.getMessage());
    }
  }

  private void emit(JsonNode event) {
    try {
      LineageLog.in(output).append(event);
    } catch (IOException e) {
      out.println("Warning: could not append the lineage event: " + e.getMessage());
    }
    if (url != null && !url.isBlank()) {
      JsonPost.to(url).send(event).ifPresent(p -> out.println("Warning: lineage event not sent: " + p));
    }
  }

  private @Nullable JsonNode report() {
    ResourceId file =
        productDirectory
            .resolve("quality", StandardResolveOptions.RESOLVE_DIRECTORY)
            .resolve(runId, StandardResolveOptions.RESOLVE_DIRECTORY)
            .resolve("report.json", StandardResolveOptions.RESOLVE_FILE);
    try {
      Optional<byte[]> bytes = OutputFiles.readIfPresent(file);
      return bytes.isEmpty() ? null : JSON.readTree(bytes.get());
    } catch (IOException e) {
      return null;
    }
  }

  private Map<String, Long> bytes(Manifest manifest) {
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (Manifest.Table table : manifest.tables()) {
      List<String> specs = new ArrayList<>();
      for (String file : table.files()) {
        specs.add(productDirectory.resolve(file, StandardResolveOptions.RESOLVE_FILE).toString());
      }
      long total = 0;
      try {
        for (MatchResult match : FileSystems.match(specs)) {
          if (match.status() == MatchResult.Status.OK) {
            for (MatchResult.Metadata metadata : match.metadata()) {
              total += metadata.sizeBytes();
            }
          }
        }
      } catch (IOException e) {
        total = 0;
      }
      bytes.put(table.name(), total);
    }
    return bytes;
  }
}
