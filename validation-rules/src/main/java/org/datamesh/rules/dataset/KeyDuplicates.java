package org.datamesh.rules.dataset;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Counts, exactly, the published rows beyond the first for each value of one or more column
 * sets: the metric {@code duplicateValues(<a>,<b>)}. Every column set goes through the same one
 * grouping (by set and value), so checking three unique columns costs one shuffle, not three.
 * Rows with a null in the set are not compared, as SQL's {@code UNIQUE} does not compare them.
 * Only a duplicated set emits a metric; {@link DatasetChecks} supplies the zeros.
 */
final class KeyDuplicates
    extends PTransform<PCollection<Row>, PCollection<KV<String, Double>>> {

  private final List<List<String>> keys;

  KeyDuplicates(List<List<String>> keys) {
    this.keys = List.copyOf(keys);
  }

  static String metric(List<String> columns) {
    return "duplicateValues(" + String.join(",", columns) + ")";
  }

  @Override
  public PCollection<KV<String, Double>> expand(PCollection<Row> rows) {
    return rows.apply("KeyValues", ParDo.of(new KeyValuesFn(keys)))
        .apply("CountPerValue", Count.perElement())
        .apply("Repeated", Filter.by(counted -> counted.getValue() > 1))
        .apply(
            "BeyondFirst",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.doubles()))
                .via(counted -> KV.of(counted.getKey().getKey(), counted.getValue() - 1.0)));
  }

  /** Each row's value of each column set, keyed by the set's metric. */
  private static final class KeyValuesFn extends DoFn<Row, KV<String, String>> {
    private final List<List<String>> keys;
    private final List<String> metrics;

    KeyValuesFn(List<List<String>> keys) {
      this.keys = keys;
      this.metrics = keys.stream().map(KeyDuplicates::metric).toList();
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<String, String>> out) {
      for (int k = 0; k < keys.size(); k++) {
        List<String> key = keys.get(k);
        String metric = metrics.get(k);
        if (key.size() == 1) {
          // one column, or a path: every value there is compared (each item of an array too)
          ColumnValues.forEach(
              row,
              key.get(0),
              value -> {
                if (value != null) {
                  out.output(KV.of(metric, String.valueOf(value)));
                }
              });
          continue;
        }
        List<String> values = new ArrayList<>(key.size());
        for (String column : key) {
          Object value = row.getValue(column);
          if (value == null) {
            values = null;
            break;
          }
          // The length first, so ("a,b", "c") and ("a", "b,c") never meet.
          String text = value.toString();
          values.add(text.length() + ":" + text);
        }
        if (values != null) {
          out.output(KV.of(metric, String.join(",", values)));
        }
      }
    }
  }
}
