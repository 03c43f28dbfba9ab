package org.datamesh.core.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The geometry of the catalog page's picture of which product feeds which, drawn by its template
 * as an inline SVG: one box per product in columns by depth (products built from files on the
 * left, each consumer one column right of its deepest input) and one arrow per {@code builtFrom}
 * link. An input named by a contract but absent from the output gets a dashed box, so no arrow
 * points nowhere. Laid out here rather than in the browser so the same catalog always gives the
 * same picture, and the page needs no script to show it.
 *
 * <pre>{@code
 * LineageGraph graph = LineageGraph.builder()
 *     .product("crm.contacts", "fresh", List.of())
 *     .product("sales.orders", "stale", List.of())
 *     .product("sales.reach", "fresh", List.of("crm.contacts", "sales.orders"))
 *     .build();
 * graph.model();   // {width, height, nodes=[{id, x, y, ...}], edges=[{from, to, d}]}
 * }</pre>
 */
final class LineageGraph {

  static final int BOX_WIDTH = 190;
  static final int BOX_HEIGHT = 42;
  private static final int COLUMN_GAP = 90;
  private static final int ROW_GAP = 18;
  private static final int MARGIN = 16;
  /** Labels longer than this are cut, with the whole id in the box's tooltip. */
  private static final int LABEL_CHARS = 26;

  private record Product(String id, String freshness, List<String> builtFrom) {}

  private final Map<String, Product> products;

  private LineageGraph(Map<String, Product> products) {
    this.products = products;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Collects the products, each with its freshness word and the ids it is built from. */
  static final class Builder {
    private final Map<String, Product> products = new TreeMap<>();

    Builder product(String id, String freshness, List<String> builtFrom) {
      products.put(id, new Product(id, freshness, List.copyOf(builtFrom)));
      return this;
    }

    LineageGraph build() {
      Map<String, Product> all = new TreeMap<>(products);
      for (Product product : products.values()) {
        for (String input : product.builtFrom()) {
          all.putIfAbsent(input, new Product(input, "missing", List.of()));
        }
      }
      return new LineageGraph(all);
    }
  }

  /** What the template draws: the picture's size, its boxes and its arrows. */
  Map<String, Object> model() {
    Map<String, Integer> depth = new HashMap<>();
    for (String id : products.keySet()) {
      depth(id, depth, new HashSet<>());
    }
    List<List<String>> columns = new ArrayList<>();
    for (String id : products.keySet()) { // ids in order: each column starts sorted
      int d = depth.get(id);
      while (columns.size() <= d) {
        columns.add(new ArrayList<>());
      }
      columns.get(d).add(id);
    }
    // Each consumer sits level with the middle of its inputs, which keeps arrows short and few
    // crossing; ties keep the ids' order.
    Map<String, Double> row = new HashMap<>();
    for (List<String> column : columns) {
      column.sort(
          Comparator.comparingDouble((String id) -> meanRow(id, row)).thenComparing(id -> id));
      for (int i = 0; i < column.size(); i++) {
        row.put(column.get(i), (double) i);
      }
    }
    int tallest = columns.stream().mapToInt(List::size).max().orElse(0);
    Map<String, int[]> corner = new HashMap<>();
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      for (int r = 0; r < columns.get(c).size(); r++) {
        String id = columns.get(c).get(r);
        int x = MARGIN + c * (BOX_WIDTH + COLUMN_GAP);
        int y = MARGIN + r * (BOX_HEIGHT + ROW_GAP);
        corner.put(id, new int[] {x, y});
        nodes.add(node(products.get(id), x, y));
      }
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    for (Product product : products.values()) {
      for (String input : product.builtFrom().stream().sorted().distinct().toList()) {
        edges.add(edge(input, product.id(), corner.get(input), corner.get(product.id())));
      }
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "width", Math.max(1, 2 * MARGIN + columns.size() * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP));
    model.put("height", Math.max(1, 2 * MARGIN + tallest * (BOX_HEIGHT + ROW_GAP) - ROW_GAP));
    model.put("nodes", nodes);
    model.put("edges", edges);
    model.put("empty", products.isEmpty());
    return model;
  }

  /** The longest chain of inputs below {@code id}; a link closing a cycle counts for nothing. */
  private int depth(String id, Map<String, Integer> depth, Set<String> visiting) {
    Integer known = depth.get(id);
    if (known != null) {
      return known;
    }
    if (!visiting.add(id)) {
      return -1;
    }
    int deepest = -1;
    for (String input : products.get(id).builtFrom()) {
      deepest = Math.max(deepest, depth(input, depth, visiting));
    }
    visiting.remove(id);
    depth.put(id, deepest + 1);
    return deepest + 1;
  }

  private double meanRow(String id, Map<String, Double> row) {
    return products.get(id).builtFrom().stream()
        .filter(row::containsKey)
        .mapToDouble(row::get)
        .average()
        .orElse(0);
  }

  private static Map<String, Object> node(Product product, int x, int y) {
    int dot = product.id().indexOf('.');
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", product.id());
    node.put("domain", cut(dot < 0 ? "" : product.id().substring(0, dot)));
    node.put("name", cut(product.id().substring(dot + 1)));
    node.put("kind", product.freshness());
    node.put("missing", product.freshness().equals("missing"));
    node.put("x", x);
    node.put("y", y);
    node.put("width", BOX_WIDTH);
    node.put("height", BOX_HEIGHT);
    node.put("textX", x + 10);
    node.put("domainY", y + 16);
    node.put("nameY", y + 33);
    return node;
  }

  private static Map<String, Object> edge(String from, String to, int[] start, int[] end) {
    int x1 = start[0] + BOX_WIDTH;
    int y1 = start[1] + BOX_HEIGHT / 2;
    int x2 = end[0] - 2; // the arrow's head ends at the box, not under it
    int y2 = end[1] + BOX_HEIGHT / 2;
    int middle = (x1 + x2) / 2;
    Map<String, Object> edge = new LinkedHashMap<>();
    edge.put("from", from);
    edge.put("to", to);
    edge.put(
        "d",
        "M" + x1 + "," + y1 + " C" + middle + "," + y1 + " " + middle + "," + y2 + " " + x2 + ","
            + y2);
    return edge;
  }

  private static String cut(String label) {
    return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
  }
}
