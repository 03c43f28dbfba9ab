package org.datamesh.examples.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datamesh.core.catalog.Catalog;
import org.datamesh.core.catalog.CatalogFixtures;
import org.datamesh.core.catalog.ProductFacts;
import org.datamesh.core.contract.ContractLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog page of an output of four products (two sources, a consumer built from both, and
 * one built from that consumer) opened from disk in headless Chromium: the screenshot is not
 * blank, every product of {@code catalog.json} is in the DOM with an arrow per input, the search
 * and the filters given in the page's address hide the products that do not match, a product's
 * address opens its detail, and a description holding markup stays text.
 */
class CatalogPageBrowserIT {

  /** Markup that, were it not escaped, would mark the page's body when it ran. */
  private static final String HOSTILE =
      "Reach </script><script>document.body.dataset.owned='script'</script>"
          + "<img src=x onerror=document.body.dataset.owned=1> & more";

  @TempDir Path dir;

  private Path output;
  private String page;
  private HeadlessChromium chromium;

  @BeforeEach
  void publishFourProductsAndRefreshTheCatalog() throws Exception {
    chromium = HeadlessChromium.find(dir);
    output = dir.resolve("out");
    CatalogFixtures.publish(
        output, CatalogFixtures.manifest("crm", "contacts", "20261121T050000Z-aaaaaa", "2026-11-21T05:01:00Z"),
        ProductFacts.of(CatalogFixtures.contract()));
    // published before products kept their facts: no owner, no inputs
    CatalogFixtures.publish(
        output, CatalogFixtures.manifest("sales", "orders", "20261121T050000Z-bbbbbb", "2026-11-21T05:02:00Z"),
        null);
    publishConsumer("sales", "reach", "sales-team", "\"" + HOSTILE + "\"", "[crm/contacts, sales/orders]");
    publishConsumer("marketing", "campaigns", "marketing-team", "Campaigns and their audiences.", "[sales/reach]");
    Catalog.refresh(output.toString());
    page = output.resolve("index.html").toUri().toString();
  }

  private void publishConsumer(
      String domain, String name, String team, String description, String builtFrom) throws Exception {
    String contract =
        CatalogFixtures.CONTRACT
            .replace("domain: crm", "domain: " + domain)
            .replace("dataProduct: contacts", "dataProduct: " + name)
            .replace("name: crm-team", "name: " + team)
            .replace("Every contact of the CRM, one row per contact.", description)
            .replace(
                "schema:",
                "customProperties:\n  - property: builtFrom\n    value: " + builtFrom + "\nschema:");
    CatalogFixtures.publish(
        output, CatalogFixtures.manifest(domain, name, "20261121T060000Z-cccccc", "2026-11-21T06:01:00Z"),
        ProductFacts.of(ContractLoader.parse(contract, name + ".yaml")));
  }

  @Test
  void theScreenshotIsNotBlank() throws Exception {
    HeadlessChromium.Picture shot =
        chromium.screenshot(page, 1280, 900, Path.of("target", "catalog-page.png"));

    assertThat(shot.width(), is(1280));
    assertThat("distinct colours in the screenshot", shot.colours(), greaterThan(20));
    assertThat("non-white pixels in the screenshot", shot.notWhite(), greaterThan(shot.pixels() / 10));
  }

  @Test
  void everyProductOfTheCatalogIsInTheDomWithItsArrows() throws Exception {
    String dom = chromium.dumpDom(page);

    List<String> ids = new ArrayList<>();
    new ObjectMapper()
        .readTree(output.resolve(Catalog.FILE_NAME).toFile())
        .get("products")
        .forEach(p -> ids.add(p.get("id").asText()));
    assertThat(ids, hasSize(4));
    for (String id : ids) {
      assertThat(dom, containsString("<a class=\"product-id\" href=\"#p-" + id + "\">" + id + "</a>"));
      assertThat(dom, containsString("data-id=\"" + id + "\""));
    }
    assertThat(visible(dom), equalTo(ids));
    assertThat(count(dom, "<path class=\"edge\""), equalTo(3));
    assertThat(dom, containsString("4 of 4 products"));
    // the description is text: its markup neither ran nor became elements
    assertThat(
        dom,
        containsString(
            "Reach &lt;/script&gt;&lt;script&gt;document.body.dataset.owned='script'&lt;/script&gt;"));
    assertThat(
        "the description's script ran", Pattern.compile("<body[^>]*data-owned").matcher(dom).find(), is(false));
    assertThat(count(dom, "<img"), equalTo(0));
  }

  @Test
  void theSearchAndFiltersInTheAddressNarrowTheList() throws Exception {
    assertThat(visible(chromium.dumpDom(page + "#q=orders")), equalTo(List.of("sales.orders")));
    assertThat(visible(chromium.dumpDom(page + "?q=reach")), equalTo(List.of("sales.reach")));
    String filtered = chromium.dumpDom(page + "#owner=crm-team");
    assertThat(visible(filtered), equalTo(List.of("crm.contacts")));
    assertThat(filtered, containsString("1 of 4 products"));
    assertThat(
        visible(chromium.dumpDom(page + "#domain=sales&q=team")), equalTo(List.of("sales.reach")));
    assertThat(chromium.dumpDom(page + "#q=nothing-is-called-this"), containsString("0 of 4 products"));
  }

  @Test
  void aProductsAddressOpensItsDetail() throws Exception {
    String dom = chromium.dumpDom(page + "#p-sales.reach");

    Matcher detail =
        Pattern.compile("id=\"p-sales\\.reach\".*?<details class=\"detail\"( open=\"\")?", Pattern.DOTALL)
            .matcher(dom);
    assertThat(detail.find(), is(true));
    assertThat("the detail of sales.reach is open", detail.group(1), equalTo(" open=\"\""));
    HeadlessChromium.Picture shot =
        chromium.screenshot(
            page + "#p-sales.reach", 1280, 2400, Path.of("target", "catalog-page-detail.png"));
    assertThat("distinct colours in the detail", shot.colours(), greaterThan(20));
  }

  /** The ids of the products the page shows, in page order. */
  private static List<String> visible(String dom) {
    List<String> shown = new ArrayList<>();
    Matcher article = Pattern.compile("<article [^>]*>").matcher(dom);
    while (article.find()) {
      String tag = article.group();
      Matcher id = Pattern.compile(" id=\"p-([^\"]+)\"").matcher(tag);
      // an attribute's value holds no bare quote, so ` hidden=""` is the attribute itself
      if (id.find() && !tag.contains(" hidden=\"\"") && !tag.endsWith(" hidden>")) {
        shown.add(id.group(1));
      }
    }
    return shown;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
