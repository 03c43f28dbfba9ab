package org.datamesh.core.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.quality.CheckResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogPageTest {

  private static final Instant NOW = Instant.parse("2026-11-21T06:30:00Z");

  /** A description that would run a script, or end the page's own, were it not escaped. */
  static final String HOSTILE = "Reach </script><script>alert('x')</script> & more";

  @TempDir Path out;

  /**
   * crm.contacts, sales.orders (no facts: no owner; two checks, one failed) and sales.reach built
   * from both.
   */
  @BeforeEach
  void publishThreeProducts() throws Exception {
    CatalogFixtures.publish(
        out, CatalogFixtures.manifest("crm", "contacts", "20261121T050000Z-aaaaaa", "2026-11-21T06:01:00Z"),
        ProductFacts.of(CatalogFixtures.contract()));
    Manifest orders =
        CatalogFixtures.manifest("sales", "orders", "20261121T050000Z-bbbbbb", "2026-11-21T05:01:00Z");
    List<CheckResult> checks =
        List.of(
            new CheckResult("enough_rows", "contacts", "rowCount", Severity.ERROR, 3.0, "rows", ">= 2", true),
            new CheckResult(
                "age.nulls", "contacts", "nullValues(age)", Severity.WARN, 40.0, "percent", "<= 5", false));
    Manifest.Quality quality = orders.quality();
    CatalogFixtures.publish(
        out,
        new Manifest(
            orders.manifestVersion(), orders.product(), orders.domain(), orders.name(),
            orders.version(), orders.runId(), orders.committedAt(), orders.tables(),
            orders.counts(),
            new Manifest.Quality(
                quality.failuresByStage(), quality.failuresByRule(), quality.warningsByRule(), 0.5,
                checks),
            List.of()),
        null);
    String reach =
        CatalogFixtures.CONTRACT
            .replace("domain: crm", "domain: sales")
            .replace("dataProduct: contacts", "dataProduct: reach")
            .replace("name: crm-team", "name: sales-team")
            .replace("Every contact of the CRM, one row per contact.", "\"" + HOSTILE + "\"")
            .replace(
                "schema:",
                "customProperties:\n  - property: builtFrom\n    value: [crm/contacts, sales/orders]\nschema:");
    CatalogFixtures.publish(
        out, CatalogFixtures.manifest("sales", "reach", "20261121T060000Z-cccccc", "2026-11-21T06:02:00Z"),
        ProductFacts.of(ContractLoader.parse(reach, "reach.yaml")));
  }

  private String page() throws Exception {
    return new String(
        CatalogPage.render(Catalog.build(PublishedProduct.under(out.toString()), NOW)),
        StandardCharsets.UTF_8);
  }

  @Test
  void listsEveryProductWithOwnerFreshnessCountsAndDetail() throws Exception {
    String html = page();

    for (String id : List.of("crm.contacts", "sales.orders", "sales.reach")) {
      assertThat(html, containsString("<article class=\"product "));
      assertThat(html, containsString("id=\"p-" + id + "\""));
      assertThat(html, containsString("<a class=\"product-id\" href=\"#p-" + id + "\">" + id + "</a>"));
    }
    assertThat(count(html, "<article class=\"product "), equalTo(3));
    assertThat(html, containsString("data-owner=\"crm-team\""));
    // sales.orders has no facts: no owner, freshness unknown
    assertThat(article(html, "sales.orders"), containsString("none named"));
    assertThat(article(html, "sales.orders"), containsString("data-freshness=\"unknown\""));
    // contacts committed 29 minutes before NOW against a one-hour promise
    assertThat(article(html, "crm.contacts"), containsString("data-freshness=\"fresh\""));
    assertThat(article(html, "crm.contacts"), containsString("published <b>3</b>"));
    assertThat(article(html, "crm.contacts"), containsString("data-classifications=\"|restricted|\""));
    assertThat(
        article(html, "crm.contacts"),
        containsString("<td>email</td><td>VARCHAR</td><td>no</td><td>restricted</td><td>tokenize</td>"));
    assertThat(
        article(html, "crm.contacts"),
        containsString("<a href=\"crm/contacts/_manifest.json\">manifest</a>"));
    assertThat(article(html, "sales.reach"), containsString("<ul class=\"built-from\"><li><a href=\"#p-crm.contacts\">"));
    assertThat(article(html, "sales.orders"), containsString("<ul class=\"feeds\"><li><a href=\"#p-sales.reach\">"));
    // orders' checks: a score, the failed one named, and a link to the report page
    assertThat(article(html, "sales.orders"), containsString("quality score <b class=\"score\">50%</b>"));
    assertThat(
        article(html, "sales.orders"),
        containsString(
            "<li class=\"failed-check\">contacts: check age.nulls (WARN) failed: nullValues(age)"
                + " measured 40 percent, must be &lt;&#61; 5 percent</li>"));
    assertThat(article(html, "sales.orders"), not(containsString("enough_rows")));
    assertThat(
        article(html, "sales.orders"),
        containsString(
            "<a href=\"sales/orders/quality/20261121T050000Z-bbbbbb/report.html\">report page</a>"));
    assertThat(article(html, "crm.contacts"), containsString("no checks"));
    // the filters offer what the products hold, each once
    assertThat(html, containsString("<option>crm</option><option>sales</option></select>"));
    assertThat(html, containsString("<option>crm-team</option><option>sales-team</option></select>"));
    assertThat(html, containsString("<option>restricted</option></select>"));
  }

  @Test
  void escapesADescriptionHoldingAScript() throws Exception {
    String html = page();

    assertThat(html, not(containsString("<script>alert")));
    assertThat(html, not(containsString("</script><script>")));
    assertThat(
        html,
        containsString(
            "Reach &lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"));
    // the page's own script, and no other; nothing fetched from a network
    assertThat(count(html, "<script"), equalTo(1));
    assertThat(html, not(containsString("src=")));
    assertThat(html, not(containsString("<link")));
    assertThat(html.replace("http://www.w3.org/2000/svg", ""), not(containsString("http")));
  }

  @Test
  void drawsAnArrowPerBuiltFromLinkWithSourcesLeftOfTheirConsumer() throws Exception {
    String html = page();

    List<String> edges = matches(html, "<path class=\"edge\" data-from=\"([^\"]*)\" data-to=\"([^\"]*)\"");
    assertThat(edges, equalTo(List.of("crm.contacts>sales.reach", "sales.orders>sales.reach")));
    assertThat(x(html, "sales.reach"), greaterThan(x(html, "crm.contacts")));
    assertThat(x(html, "crm.contacts"), equalTo(x(html, "sales.orders")));
  }

  @Test
  void refreshWritesThePageBesideTheCatalogAtomically() throws Exception {
    Catalog.refresh(out.toString());

    assertThat(Files.isRegularFile(out.resolve("catalog.json")), is(true));
    String html = Files.readString(out.resolve(CatalogPage.FILE_NAME));
    assertThat(html, containsString("id=\"p-sales.reach\""));
    assertThat(html, containsString("3 products in this output"));
    try (Stream<Path> files = Files.list(out)) {
      assertThat(
          files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
          empty());
    }
  }

  private static String article(String html, String id) {
    int start = html.indexOf("id=\"p-" + id + "\"");
    assertThat("article of " + id, start, greaterThan(-1));
    return html.substring(start, html.indexOf("</article>", start));
  }

  /** The x of the box of {@code id} in the picture. */
  private static int x(String html, String id) {
    Matcher m =
        Pattern.compile("data-id=\"" + Pattern.quote(id) + "\"[^>]*>.*?<rect [^>]*\\sx=\"(\\d+)\"")
            .matcher(html);
    assertThat("box of " + id, m.find(), is(true));
    return Integer.parseInt(m.group(1));
  }

  private static List<String> matches(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1) + ">" + m.group(2));
    }
    return found;
  }

  private static int count(String html, String text) {
    int n = 0;
    for (int at = html.indexOf(text); at >= 0; at = html.indexOf(text, at + 1)) {
      n++;
    }
    return n;
  }
}
