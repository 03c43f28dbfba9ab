package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The results as a Markdown table, one row per scenario, rendered from {@code results.json} alone
 * so that the command's output and {@code docs/benchmarks.md} cannot differ.
 *
 * <pre>{@code
 * String table = MarkdownTable.render(new ObjectMapper().readTree(resultsFile));
 * }</pre>
 */
final class MarkdownTable {

  private MarkdownTable() {}

  static String render(JsonNode results) {
    StringBuilder table = new StringBuilder();
    table.append("| scenario | unit | library | baseline | ratio | goal | met | counts ")
        .append("| peak RSS MB (library / baseline) | peak heap MB (library) | runner | options |\n");
    table.append("|---|---|---:|---:|---:|---|---|---|---:|---:|---|---|\n");
    for (JsonNode s : results.path("scenarios")) {
      table.append("| ").append(s.path("name").asText())
          .append(" | ").append(s.path("unit").asText())
          .append(" | ").append(number(s.path("value")))
          .append(" | ").append(number(s.path("baseline")))
          .append(" | ").append(ratio(s.path("ratio")))
          .append(" | ").append(s.path("goal").asText())
          .append(" | ").append(s.path("met").asBoolean() ? "yes" : "**no**")
          .append(" | ").append(counts(s))
          .append(" | ").append(rss(s))
          .append(" | ").append(megabytes(s.path("peakHeapMb")))
          .append(" | ").append(escape(s.path("runner").asText()))
          .append(" | ").append(escape(s.path("options").asText()))
          .append(" |\n");
    }
    return table.toString();
  }

  private static String counts(JsonNode scenario) {
    if (scenario.hasNonNull("error")) {
      return "**FAILED**: " + escape(scenario.path("error").asText().lines().findFirst().orElse(""));
    }
    return scenario.path("countsAgree").asBoolean() ? "agree" : "**MISMATCH**";
  }

  private static String rss(JsonNode scenario) {
    String library = megabytes(scenario.path("peakRssMb"));
    String baseline = megabytes(scenario.path("baselinePeakRssMb"));
    return baseline.isEmpty() ? library : library + " / " + baseline;
  }

  private static String megabytes(JsonNode value) {
    return value.isNull() || value.isMissingNode()
        ? ""
        : String.format(Locale.ROOT, "%,d", value.asLong());
  }

  private static String number(JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return "";
    }
    double v = value.asDouble();
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%.2f", v);
  }

  private static String ratio(JsonNode value) {
    return value.isNull() || value.isMissingNode()
        ? ""
        : String.format(Locale.ROOT, "%.2f", value.asDouble());
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
