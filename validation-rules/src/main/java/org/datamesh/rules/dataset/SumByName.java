package org.datamesh.rules.dataset;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.values.KV;

/** Metrics by name, summing the parts each source gave of one name (counts, zeros). */
final class SumByName
    extends CombineFn<KV<String, Double>, Map<String, Double>, Map<String, Double>> {

  @Override
  public Map<String, Double> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<String, Double> addInput(Map<String, Double> sums, KV<String, Double> metric) {
    sums.merge(metric.getKey(), metric.getValue(), Double::sum);
    return sums;
  }

  @Override
  public Map<String, Double> mergeAccumulators(Iterable<Map<String, Double>> accumulators) {
    Map<String, Double> merged = new HashMap<>();
    accumulators.forEach(sums -> sums.forEach((k, v) -> merged.merge(k, v, Double::sum)));
    return merged;
  }

  @Override
  public Map<String, Double> extractOutput(Map<String, Double> sums) {
    return new TreeMap<>(sums);
  }

  @Override
  public Coder<Map<String, Double>> getAccumulatorCoder(
      CoderRegistry registry, Coder<KV<String, Double>> inputCoder) {
    return MapCoder.of(StringUtf8Coder.of(), DoubleCoder.of());
  }

  @Override
  public Coder<Map<String, Double>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<KV<String, Double>> inputCoder) {
    return MapCoder.of(StringUtf8Coder.of(), DoubleCoder.of());
  }

}
