package org.datamesh.core.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineageGraphTest {

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> model, String key) {
    return (List<Map<String, Object>>) model.get(key);
  }

  private static Map<String, Object> node(Map<String, Object> model, String id) {
    return list(model, "nodes").stream().filter(n -> n.get("id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  void placesEachProductOneColumnRightOfItsDeepestInput() {
    Map<String, Object> model =
        LineageGraph.builder()
            .product("b.report", "fresh", List.of("a.orders", "b.reach"))
            .product("b.reach", "stale", List.of("a.orders"))
            .product("a.orders", "fresh", List.of())
            .build()
            .model();

    int column = (Integer) node(model, "b.reach").get("x") - (Integer) node(model, "a.orders").get("x");
    assertThat(node(model, "a.orders").get("x"), equalTo(16));
    assertThat(node(model, "b.report").get("x"), equalTo(16 + 2 * column));
    assertThat(list(model, "edges").size(), equalTo(3));
    assertThat(node(model, "b.reach").get("kind"), equalTo("stale"));
    assertThat(model.get("width"), equalTo(2 * 16 + 3 * LineageGraph.BOX_WIDTH + 2 * (column - LineageGraph.BOX_WIDTH)));
  }

  @Test
  void anInputMissingFromTheOutputGetsADashedBoxAndACycleEnds() {
    Map<String, Object> model =
        LineageGraph.builder()
            .product("a.x", "fresh", List.of("a.y", "gone.source"))
            .product("a.y", "fresh", List.of("a.x"))
            .build()
            .model();

    assertThat(node(model, "gone.source").get("missing"), equalTo(true));
    assertThat(list(model, "nodes").size(), equalTo(3));
    assertThat(list(model, "edges").size(), equalTo(3));
    // the same catalog gives the same picture
    assertThat(
        model,
        equalTo(
            LineageGraph.builder()
                .product("a.y", "fresh", List.of("a.x"))
                .product("a.x", "fresh", List.of("gone.source", "a.y"))
                .build()
                .model()));
  }
}
