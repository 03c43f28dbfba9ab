package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.FailureSample;
import org.datamesh.core.quality.FrequentValue;
import org.datamesh.core.quality.HistoryCheck;
import org.datamesh.core.quality.TableQuality;
import org.junit.jupiter.api.Test;

/** report.html: what a person needs to read, escaped, self-contained, with its trend chart. */
class QualityReportHtmlTest {

  static final DataProduct PRODUCT = DataProduct.of("shop", "orders", "2.1.0");

  /** A history check that fails whatever it is given: the anomaly part of the report. */
  record Steady(String id) implements HistoryCheck {
    @Override
    public String description() {
      return "relativeRateOfChange: rowCount between 0.5 and 2 times the last published run";
    }

    @Override
    public CheckResult judge(String table, Map<String, Double> metrics, List<Map<String, Double>> past) {
      return new CheckResult(
          id, table, "rowCount", Severity.ERROR, metrics.get("rowCount"), "rows",
          "between 500 and 2000", false);
    }
  }

  static Manifest.Table table(String name) {
    return new Manifest.Table(
        name,
        List.of(),
        List.of(),
        List.of("quarantine/r/q.parquet"),
        new Manifest.Counts(7, 3, 3, 1),
        new Manifest.Quality(
            Map.of("VALIDATE", 3L), Map.of("email.format", 2L, "id.not_null", 1L),
            Map.of("amount.bulk", 4L)));
  }

  static String render(TableQuality quality, List<String> history) {
    return render(quality, history, List.of());
  }

  static String render(TableQuality quality, List<String> history, List<FailureSample> samples) {
    byte[] html =
        QualityReportHtml.render(
            PRODUCT, "run-3", "2026-12-06T10:00:00Z", List.of(table("orders")),
            Map.of("orders", quality), Map.of("orders", samples),
            QualityHistory.parse(history, "run-3"));
    return new String(html, StandardCharsets.UTF_8);
  }

  static final List<String> HISTORY =
      List.of(
          "{\"runId\":\"run-1\",\"at\":\"t1\",\"published\":true,\"score\":1.0,"
              + "\"tables\":{\"orders\":{\"score\":1.0,\"metrics\":{\"rowCount\":1000.0}}}}",
          "{\"runId\":\"run-2\",\"at\":\"t2\",\"published\":false,\"score\":0.5,"
              + "\"tables\":{\"orders\":{\"score\":0.5,\"metrics\":{\"rowCount\":2.0}}}}");

  static TableQuality failedGate() {
    return new TableQuality(
            "orders",
            Map.of("rowCount", 3.0, "nullValues(email)", 1.0),
            List.of(
                new CheckResult(
                    "enough_rows", "orders", "rowCount", Severity.ERROR, 3.0, "rows", "> 1000",
                    false),
                new CheckResult(
                    "email.nulls", "orders", "nullValues(email)", Severity.WARN, 33.3333,
                    "percent", "<= 5", false)),
            List.of(new Steady("rows.steady")))
        .judgedAgainst(List.of(Map.of("rowCount", 1000.0)));
  }

  @Test
  void aFailedGateSaysWhichChecksFailedWithTheMeasuredValues() {
    String html = render(failedGate(), HISTORY);
    assertThat(html, containsString("Gate failed: not published"));
    String gate = section(html, "failed-gate");
    assertThat(gate, containsString("<td class=\"check-id\">enough_rows</td>"));
    assertThat(gate, containsString("<td class=\"number measured\">3 rows</td>"));
    assertThat(gate, containsString("&gt; 1000 rows"));
    assertThat(gate, containsString("rows.steady")); // a failed ERROR anomaly gates too
    assertThat(gate, not(containsString("email.nulls"))); // a WARN check does not gate
    assertThat(html, containsString("id=\"score\" title=\"share of checks passed\">0%</span>"));
  }

  @Test
  void everyCheckMetricFailureCountAndAnomalyIsShown() {
    String html = render(failedGate(), HISTORY);
    assertThat(html, containsString("<td>email.nulls</td><td>nullValues(email)</td><td>WARN</td>"
        + "<td class=\"number\">33.3333 percent</td><td>&lt;&#61; 5 percent</td>"));
    assertThat(html, containsString("<td>nullValues(email)</td><td class=\"number\">1</td>"));
    assertThat(html, containsString("<td>email.format</td><td class=\"number\">2</td>"));
    assertThat(html, containsString("<td>VALIDATE</td><td class=\"number\">3</td>"));
    assertThat(html, containsString("<td>amount.bulk</td><td class=\"number\">4</td>"));
    assertThat(html, containsString("<td>rows.steady</td><td>relativeRateOfChange: rowCount"
        + " between 0.5 and 2 times the last published run</td>"));
    assertThat(html, containsString("<td class=\"verdict\">anomaly</td>"));
  }

  @Test
  void theTrendChartIsAnInlineSvgOfEveryRunWithRefusedRunsMarked() {
    String html = render(failedGate(), HISTORY);
    assertThat(html, containsString("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assertThat(html, containsString("aria-label=\"rowCount of orders\""));
    // three runs: 1000, 2 (refused), 3 (this run, refused): 60 + 564 * i / 2 across
    assertThat(html, containsString("class=\"trend\""));
    Matcher dots = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\" r=\"(\\d)\" class=\"(\\w+)\">"
        + "<title>([^<]*)</title>").matcher(section(html, "table"));
    StringBuilder found = new StringBuilder();
    while (dots.find()) {
      found.append(dots.group(1)).append(' ').append(dots.group(3)).append(' ')
          .append(dots.group(4)).append(' ').append(dots.group(5)).append('\n');
    }
    assertThat(
        found.toString(),
        is("60.0 3 published run-1: 1000\n"
            + "342.0 3 refused run-2: 2 (not published)\n"
            + "624.0 5 refused run-3: 3 (not published) (this run)\n"));
    assertThat(html, containsString("3 runs: run-1 to run-3"));
  }

  @Test
  void everythingFromAContractIsEscapedAndNothingNeedsTheNetwork() {
    TableQuality hostile =
        new TableQuality(
            "orders",
            Map.of("rowCount", 1.0),
            List.of(
                new CheckResult(
                    "<script>alert('x')</script>", "orders", "rowCount", Severity.ERROR, 1.0,
                    "rows", "> \"5\" & more", false)));
    String html = render(hostile, List.of("not json", ""));
    assertThat(html, not(containsString("<script")));
    assertThat(html, containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assertThat(html, containsString("&gt; &quot;5&quot; &amp; more rows"));
    assertThat(html, not(containsString("src=")));
    assertThat(html, not(containsString("<link")));
    assertThat(html, not(containsString("https://")));
  }

  @Test
  void failureSamplesShowWhereWhyAndTheRecordEscaped() {
    FailureSample hostile =
        new FailureSample(
            "VALIDATE", List.of("email.format", "amount.range"), "email",
            "email.format: email is not an email address; amount.range: amount must be >= 0",
            "orders.csv record 7 (line 8)", "7,<script>alert(1)</script>,-3");
    FailureSample secret =
        new FailureSample(
            "VALIDATE", List.of("email.format"), "email", "email.format: email is not an email address",
            "orders.csv record 9 (line 10)", FailureSample.ENCRYPTED);
    String html = render(failedGate(), HISTORY, List.of(hostile, secret));
    assertThat(
        html,
        containsString(
            "<tr class=\"sample\"><td>email.format</td><td>VALIDATE</td>"
                + "<td>orders.csv record 7 (line 8)</td><td class=\"reason\">email.format: email"
                + " is not an email address; amount.range: amount must be &gt;&#61; 0</td>"
                + "<td><code>7,&lt;script&gt;alert(1)&lt;/script&gt;,-3</code></td></tr>"));
    assertThat(html, containsString("<code>(encrypted with the product&#39;s keyset)</code>"));
    assertThat(html, not(containsString("<script")));
    assertThat(render(failedGate(), HISTORY), containsString("No record was quarantined."));
  }

  @Test
  void theMostCommonValuesAreListedWithTheirShareOfPublishedRows() {
    TableQuality quality =
        new TableQuality(
            "orders",
            Map.of("rowCount", 3.0, "mostCommon(status)", 2.0),
            List.of(),
            List.of(),
            Map.of(
                "status",
                List.of(new FrequentValue("<b>shipped</b>", 2, 0), new FrequentValue("lost", 1, 1))));
    String html = render(quality, List.of());
    assertThat(html, containsString("<h3>Most common values</h3>"));
    // 3 published rows in table("orders")
    assertThat(
        html,
        containsString(
            "<tr><td><code>&lt;b&gt;shipped&lt;/b&gt;</code></td><td class=\"number\">2</td>"
                + "<td class=\"number\">66.6667%</td></tr>"));
    assertThat(html, containsString("<td class=\"number\">at least 1</td>"));
    assertThat(render(failedGate(), HISTORY), not(containsString("Most common values")));
  }

  @Test
  void aPassedRunWithoutHistoryHasOnePointAndNoGateSection() {
    TableQuality passed =
        new TableQuality(
            "orders",
            Map.of("rowCount", 3.0),
            List.of(new CheckResult("rows", "orders", "rowCount", Severity.ERROR, 3.0, "rows", "> 0", true)));
    String html = render(passed, List.of());
    assertThat(html, containsString("Gate passed: published"));
    assertThat(html, not(containsString("id=\"failed-gate\"")));
    assertThat(html, containsString("No anomaly checks."));
    assertThat(html, containsString("1 runs: run-3 to run-3"));
    // the score's axis is always 0 to 100 percent
    String score = html.substring(html.indexOf("aria-label=\"score"), html.indexOf("</svg>"));
    assertThat(score, containsString("text-anchor=\"end\">100</text>"));
    assertThat(score, containsString("text-anchor=\"end\">0</text>"));
    assertThat(html, containsString("id=\"score\" title=\"share of checks passed\">100%</span>"));
  }

  /** The HTML of the section with {@code id} or class {@code id}, to its end. */
  private static String section(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    if (at < 0) {
      at = html.indexOf("class=\"" + id + "\"");
    }
    assertThat("no " + id + " in the report", at >= 0, is(true));
    return html.substring(at, html.indexOf("</section>", at));
  }
}
