package org.datamesh.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.datamesh.core.quality.CheckResult;

/**
 * {@code <output>/index.html}, the catalog for people: every product of {@code catalog.json} with
 * its owner, freshness, counts and quality, a search box and filters by domain, owner,
 * classification and freshness, each product's tables, columns, inputs, consumers and files, and
 * a picture of which product feeds which.
 *
 * <pre>{@code
 * byte[] html = CatalogPage.render(Catalog.build(PublishedProduct.under("/data/mesh"), now));
 * }</pre>
 *
 * <p>Rendered whole on the server from the Mustache template {@code catalog-page.mustache}, which
 * escapes every value (descriptions are contracts' free text), rather than shipped as JSON for a
 * script to draw: one escaping, the page reads the same without its script, and no data ever sits
 * inside a {@code <script>} where {@code </script>} in a description could end it. The inline
 * script only hides and shows what is already there. Styles and script are inline and links are
 * relative, so the file works opened from disk with no network.
 */
final class CatalogPage {

  /** The page's name inside the output, beside {@code catalog.json}. */
  static final String FILE_NAME = "index.html";

  /** The page's content type on an object store; its charset is in its meta tag. */
  static final String MIME_TYPE = "text/html";

  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory("org/datamesh/core/catalog").compile("catalog-page.mustache");

  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogPage() {}

  /** The page of {@code catalog}, as {@link Catalog#build} returns it. */
  static byte[] render(Map<String, Object> catalog) {
    JsonNode root = JSON.valueToTree(catalog);
    List<Map<String, Object>> products = new ArrayList<>();
    LineageGraph.Builder graph = LineageGraph.builder();
    TreeSet<String> domains = new TreeSet<>();
    TreeSet<String> owners = new TreeSet<>();
    TreeSet<String> classifications = new TreeSet<>();
    for (JsonNode product : root.path("products")) {
      Map<String, Object> model = product(product);
      products.add(model);
      graph.product(
          text(product, "id"), (String) model.get("freshness"), strings(product.path("builtFrom")));
      domains.add(text(product, "domain"));
      if (!text(product, "owner").isEmpty()) {
        owners.add(text(product, "owner"));
      }
      for (JsonNode table : product.path("tables")) {
        for (JsonNode column : table.path("schema")) {
          if (!text(column, "classification").isEmpty()) {
            classifications.add(text(column, "classification"));
          }
        }
      }
    }
    List<Map<String, Object>> unreadable = new ArrayList<>();
    for (JsonNode folder : root.path("unreadable")) {
      unreadable.add(Map.of("path", text(folder, "path"), "problem", text(folder, "problem")));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("generatedAt", text(root, "generatedAt"));
    model.put("count", products.size());
    model.put("products", products);
    model.put("domains", List.copyOf(domains));
    model.put("owners", List.copyOf(owners));
    model.put("classifications", List.copyOf(classifications));
    model.put("graph", graph.build().model());
    model.put("unreadable", unreadable);
    StringWriter out = new StringWriter();
    TEMPLATE.execute(out, model);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> product(JsonNode product) {
    Map<String, Object> model = new LinkedHashMap<>();
    for (String field :
        List.of(
            "id", "domain", "name", "version", "owner", "description", "status", "contractId",
            "runId")) {
      model.put(field, text(product, field));
    }
    String freshness = text(product.path("freshness"), "status");
    model.put("freshness", freshness.isEmpty() ? "unknown" : freshness);
    model.put("lastCommit", text(product.path("freshness"), "lastCommit"));
    model.put("age", duration(product.path("freshness").path("ageSeconds")));
    model.put("promised", duration(product.path("freshness").path("promisedSeconds")));
    JsonNode counts = product.path("counts");
    for (String count : List.of("input", "published", "quarantined", "deduplicated")) {
      model.put(count, counts.path(count).asLong());
    }
    JsonNode score = product.path("quality").path("score");
    model.put("score", score.isNumber() ? CheckResult.format(100 * score.asDouble()) + "%" : "");
    model.put("failedChecks", strings(product.path("quality").path("failedChecks")));
    List<Map<String, Object>> tables = new ArrayList<>();
    TreeSet<String> classifications = new TreeSet<>();
    StringBuilder search = new StringBuilder();
    for (String field : List.of("id", "domain", "name", "owner", "description", "contractId")) {
      search.append(text(product, field)).append(' ');
    }
    for (JsonNode table : product.path("tables")) {
      tables.add(table(table, classifications, search));
    }
    model.put("tables", tables);
    // "|a|b|" so the script matches a whole classification, not a part of one
    model.put("classificationKey", "|" + String.join("|", classifications) + "|");
    model.put("search", search.toString().toLowerCase(java.util.Locale.ROOT).trim());
    model.put("builtFrom", strings(product.path("builtFrom")));
    model.put("feeds", strings(product.path("feeds")));
    List<Map<String, Object>> promises = new ArrayList<>();
    for (JsonNode promise : product.path("serviceLevels")) {
      Map<String, Object> p = new LinkedHashMap<>();
      for (String field : List.of("property", "level", "status", "detail")) {
        p.put(field, text(promise, field));
      }
      promises.add(p);
    }
    model.put("serviceLevels", promises);
    model.put("links", links(product.path("links")));
    return model;
  }

  private static Map<String, Object> table(
      JsonNode table, TreeSet<String> classifications, StringBuilder search) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", text(table, "name"));
    model.put("description", text(table, "description"));
    search.append(text(table, "name")).append(' ');
    List<Map<String, Object>> columns = new ArrayList<>();
    for (JsonNode column : table.path("schema")) {
      Map<String, Object> c = new LinkedHashMap<>();
      for (String field : List.of("name", "type", "classification", "protection", "description")) {
        c.put(field, text(column, field));
      }
      c.put("required", column.path("required").asBoolean());
      if (!text(column, "classification").isEmpty()) {
        classifications.add(text(column, "classification"));
      }
      search.append(text(column, "name")).append(' ');
      columns.add(c);
    }
    model.put("columns", columns);
    model.put("files", strings(table.path("files")));
    model.put("quarantine", strings(table.path("quarantine")));
    return model;
  }

  /** The product's links, each with a label; null links (no facts, no checks) are left out. */
  private static List<Map<String, Object>> links(JsonNode links) {
    List<Map<String, Object>> model = new ArrayList<>();
    links.fields().forEachRemaining(
        link -> {
          if (link.getValue().isTextual()) {
            model.add(Map.of("label", link.getKey(), "href", link.getValue().asText()));
            // CommitManifestFn writes report.html beside every report.json
            if (link.getKey().equals("report") && link.getValue().asText().endsWith(".json")) {
              String json = link.getValue().asText();
              String html = json.substring(0, json.length() - ".json".length()) + ".html";
              model.add(Map.of("label", "report page", "href", html));
            }
          }
        });
    return model;
  }

  private static String duration(JsonNode seconds) {
    if (!seconds.isNumber()) {
      return "";
    }
    long s = seconds.asLong();
    if (s >= 86_400) {
      return s / 86_400 + " d";
    }
    return s >= 3_600 ? s / 3_600 + " h" : s >= 60 ? s / 60 + " min" : s + " s";
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? "" : value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
