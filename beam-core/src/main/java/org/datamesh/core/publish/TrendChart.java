package org.datamesh.core.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.datamesh.core.quality.CheckResult;

/**
 * The geometry of one line chart of a metric over runs, drawn by the report's template as an
 * inline SVG: a polyline through the runs that measured it, a dot per run (hollow and red for a
 * run the gate refused, larger for this run), and the axis' smallest and largest values. No
 * script, so the report needs nothing but itself.
 *
 * <pre>{@code
 * Map<String, Object> svg = TrendChart.of("rowCount of orders", points).model();
 * // {title=..., width=640, height=180, polyline="40,150 ...", points=[{x, y, label, kind}], ...}
 * }</pre>
 */
final class TrendChart {

  /** The runs a chart shows at most: the latest ones, this run last. */
  static final int MAX_RUNS = 30;

  static final int WIDTH = 640;
  static final int HEIGHT = 180;
  private static final int LEFT = 60;
  private static final int RIGHT = 16;
  private static final int TOP = 14;
  private static final int BOTTOM = 28;

  /** One run's value; null when the run did not measure the metric (a gap). */
  record Point(String runId, Double value, boolean published, boolean current) {}

  private final String title;
  private final List<Point> points;
  private final double[] axis; // empty: from the values

  private TrendChart(String title, List<Point> points, double[] axis) {
    this.title = title;
    int from = Math.max(0, points.size() - MAX_RUNS);
    this.points = List.copyOf(points.subList(from, points.size()));
    this.axis = axis.clone();
  }

  static TrendChart of(String title, List<Point> points) {
    return new TrendChart(title, points, new double[0]);
  }

  /** Returns a chart like this one but with its axis from {@code min} to {@code max}. */
  TrendChart withAxis(double min, double max) {
    return new TrendChart(title, points, new double[] {min, max});
  }

  /** What the template draws; the chart's points have {@code x}, {@code y}, {@code label}, {@code kind}. */
  Map<String, Object> model() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      if (p.value() != null) {
        min = Math.min(min, p.value());
        max = Math.max(max, p.value());
      }
    }
    if (axis.length == 2) {
      min = Math.min(axis[0], min);
      max = Math.max(axis[1], max);
    } else if (min > max) {
      min = 0;
      max = 1;
    } else if (min == max) {
      // a flat line is drawn in the middle, the axis a little around it
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= pad;
      max += pad;
    }
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int slots = Math.max(1, points.size() - 1);
    List<Map<String, Object>> dots = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      if (p.value() == null) {
        continue;
      }
      double x = points.size() == 1 ? LEFT + plotWidth / 2.0 : LEFT + (double) plotWidth * i / slots;
      double y = TOP + plotHeight * (max - p.value()) / (max - min);
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(coordinate(x)).append(',').append(coordinate(y));
      Map<String, Object> dot = new LinkedHashMap<>();
      dot.put("x", coordinate(x));
      dot.put("y", coordinate(y));
      dot.put("r", p.current() ? 5 : 3);
      dot.put("kind", p.published() ? "published" : "refused");
      dot.put(
          "label",
          p.runId() + ": " + CheckResult.format(p.value())
              + (p.published() ? "" : " (not published)") + (p.current() ? " (this run)" : ""));
      dots.add(dot);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", title);
    model.put("width", WIDTH);
    model.put("height", HEIGHT);
    model.put("left", LEFT);
    model.put("right", WIDTH - RIGHT);
    model.put("top", TOP);
    model.put("bottom", HEIGHT - BOTTOM);
    model.put("labelX", LEFT - 6);
    model.put("labelTop", TOP + 4);
    model.put("labelBottom", HEIGHT - BOTTOM + 4);
    model.put("captionY", HEIGHT - 8);
    model.put("max", CheckResult.format(max));
    model.put("min", CheckResult.format(min));
    model.put("polyline", line.toString());
    model.put("points", dots);
    model.put("runs", points.size());
    model.put("firstRun", points.isEmpty() ? "" : points.get(0).runId());
    model.put("lastRun", points.isEmpty() ? "" : points.get(points.size() - 1).runId());
    return model;
  }

  private static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
