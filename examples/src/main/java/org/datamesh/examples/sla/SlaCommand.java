package org.datamesh.examples.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.catalog.OutputFiles;
import org.datamesh.core.catalog.PromiseResult;
import org.datamesh.core.catalog.PublishedProduct;
import org.datamesh.core.catalog.ServiceLevelCheck;
import org.datamesh.core.lineage.JsonPost;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.UsageException;

/**
 * {@code datamesh sla --output=DIR [--notifyUrl=URL]}: checks every product under an output
 * against the service levels of its contract (from the {@code _product.json} its last run wrote),
 * prints one line per promise, writes {@code <output>/sla.json}, and exits 1 when an ERROR-level
 * promise is broken, so a scheduler or CI job can run it. With {@code --notifyUrl}, each broken
 * promise is POSTed as one JSON message naming the product and its owner; a notification that
 * cannot be delivered is a warning, and the exit status stays that of the check.
 *
 * <pre>{@code
 * java -jar examples/target/datamesh.jar sla --output=target/mesh --notifyUrl=https://hooks.example/sla
 * }</pre>
 */
public final class SlaCommand implements Command {

  /** The file written into the output. */
  public static final String FILE_NAME = "sla.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "sla";
  }

  @Override
  public String summary() {
    return "Check every product under an output against its contract's service levels";
  }

  @Override
  public Class<SlaOptions> optionsType() {
    return SlaOptions.class;
  }

  @Override
  public boolean takesBeamOptions() {
    return false;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    SlaOptions options = Options.parse(args, SlaOptions.class);
    if (options.getOutput() == null || options.getOutput().isBlank()) {
      throw new UsageException("--output is required: the folder run or demo published into");
    }
    Instant now = Instant.now();
    PublishedProduct.Scan scan = PublishedProduct.under(options.getOutput());
    if (scan.products().isEmpty() && scan.unreadable().isEmpty()) {
      throw new UsageException("no published product under " + options.getOutput());
    }
    ServiceLevelCheck check = ServiceLevelCheck.at(now);
    List<PromiseResult> results = new ArrayList<>();
    for (PublishedProduct product : scan.products()) {
      results.addAll(check.check(product));
    }
    print(results, scan, out);

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("checkedAt", now.toString());
    document.put("passed", results.stream().noneMatch(PromiseResult::blocks));
    document.put("results", results);
    document.put("unreadable", scan.unreadable());
    OutputFiles.write(
        PublishedProduct.outputDirectory(options.getOutput())
            .resolve(FILE_NAME, StandardResolveOptions.RESOLVE_FILE),
        JSON.writeValueAsBytes(document));

    String url = options.getNotifyUrl();
    if (url != null && !url.isBlank()) {
      for (PromiseResult result : results) {
        if (result.broken()) {
          JsonPost.to(url)
              .send(notification(result, now))
              .ifPresent(p -> out.println("Warning: notification not sent: " + p));
        }
      }
    }
    return results.stream().anyMatch(PromiseResult::blocks) || !scan.unreadable().isEmpty()
        ? ExitCode.RUN_FAILED
        : ExitCode.OK;
  }

  /** The message about one broken promise: product, owner, promise, measure, level. */
  static Map<String, Object> notification(PromiseResult result, Instant now) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "datamesh.sla.breach");
    message.put("product", result.product());
    message.put("owner", result.owner());
    message.put("property", result.property());
    message.put("level", result.level().name());
    message.put("promised", duration(result.promisedMillis()));
    message.put("measured", duration(result.measuredMillis()));
    message.put("detail", result.detail());
    message.put("checkedAt", now.toString());
    message.put(
        "text",
        result.product() + " broke its " + result.property() + " promise (" + result.level()
            + "): " + result.detail() + (result.owner() == null ? "" : "; owner " + result.owner()));
    return message;
  }

  private static void print(List<PromiseResult> results, PublishedProduct.Scan scan, PrintStream out) {
    out.println(String.format(Locale.ROOT, "%-28s %-10s %-6s %-15s %-12s %s",
        "product", "promise", "level", "status", "promised", "measured"));
    for (PromiseResult r : results) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-28s %-10s %-6s %-15s %-12s %s",
              r.product(), r.property(), r.level(), r.status(), duration(r.promisedMillis()),
              r.measuredMillis() == null ? r.detail() : duration(r.measuredMillis())));
    }
    scan.unreadable().forEach(u -> out.println(u.path() + ": unreadable: " + u.problem()));
    long broken = results.stream().filter(PromiseResult::broken).count();
    long blocking = results.stream().filter(PromiseResult::blocks).count();
    out.println(
        scan.products().size() + " products, " + results.size() + " promises, " + broken
            + " broken (" + blocking + " ERROR)");
  }

  private static String duration(@Nullable Long millis) {
    return millis == null ? "-" : Duration.ofMillis(millis).toString();
  }
}
