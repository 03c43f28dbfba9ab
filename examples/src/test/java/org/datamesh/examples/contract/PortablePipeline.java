package org.datamesh.examples.contract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.model.pipeline.v1.RunnerApi;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.reflect.DoFnSignature;
import org.apache.beam.sdk.transforms.reflect.DoFnSignatures;
import org.apache.beam.sdk.util.SerializableUtils;
import org.apache.beam.sdk.util.construction.ParDoTranslation;
import org.apache.beam.sdk.util.construction.PipelineTranslation;
import org.apache.beam.sdk.util.construction.RehydratedComponents;
import org.apache.beam.sdk.util.construction.graph.PipelineValidator;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What a runner that takes Beam's portable Runner API (Dataflow's Runner v2, Flink's and Spark's
 * job servers) needs of a pipeline, checked without the runner: the pipeline translates to the
 * proto and the proto is valid; every function and coder it names deserializes from the bytes the
 * proto holds, as on a remote worker; and every key a step groups or keeps state by has a
 * deterministic coder (a shuffle compares keys by their encoded bytes).
 *
 * <pre>{@code
 * PortablePipeline.Report report = PortablePipeline.check(pipeline);
 * assertThat(report.groupedKeys(), hasItem(containsString("Deduplicate")));
 * }</pre>
 */
public final class PortablePipeline {

  /**
   * What was checked: the proto, the names of the ParDo and Combine steps whose functions were
   * read back, the number of coders read back, and the steps that group or keep state by key.
   */
  public record Report(
      RunnerApi.Pipeline proto,
      List<String> functions,
      int coders,
      List<String> groupedKeys) {}

  private PortablePipeline() {}

  /** Checks {@code pipeline}, failing with the step's name at the first problem. */
  public static Report check(Pipeline pipeline) throws IOException {
    RunnerApi.Pipeline proto = PipelineTranslation.toProto(pipeline);
    PipelineValidator.validate(proto);
    RunnerApi.Components components = proto.getComponents();
    List<String> functions = new ArrayList<>();
    for (Map.Entry<String, RunnerApi.PTransform> entry : components.getTransformsMap().entrySet()) {
      RunnerApi.FunctionSpec spec = entry.getValue().getSpec();
      if (spec.getUrn().isEmpty() && entry.getValue().getSubtransformsCount() == 0) {
        throw new AssertionError(entry.getKey() + " is a primitive the Runner API cannot name");
      }
      if (readFunction(entry.getValue().getUniqueName(), spec)) {
        functions.add(entry.getValue().getUniqueName());
      }
    }
    RehydratedComponents rehydrated = RehydratedComponents.forComponents(components);
    for (String coder : components.getCodersMap().keySet()) {
      try {
        rehydrated.getCoder(coder);
      } catch (IOException | RuntimeException e) {
        throw new AssertionError("the coder " + coder + " does not read back from its proto", e);
      }
    }
    return new Report(proto, functions, components.getCodersCount(), groupedKeys(pipeline));
  }

  /** Reads a ParDo's DoFn or a Combine's CombineFn back from its bytes; false for other steps. */
  private static boolean readFunction(String name, RunnerApi.FunctionSpec spec) {
    try {
      switch (spec.getUrn()) {
        case "beam:transform:pardo:v1":
          ParDoTranslation.getDoFn(RunnerApi.ParDoPayload.parseFrom(spec.getPayload()));
          return true;
        case "beam:transform:combine_per_key:v1":
        case "beam:transform:combine_globally:v1":
        case "beam:transform:combine_grouped_values:v1":
          RunnerApi.CombinePayload combine = RunnerApi.CombinePayload.parseFrom(spec.getPayload());
          SerializableUtils.deserializeFromByteArray(
              combine.getCombineFn().getPayload().toByteArray(), name);
          return true;
        default:
          return false;
      }
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(name + ": its function does not read back from its bytes", e);
    }
  }

  /**
   * Every GroupByKey, and every ParDo with state or timers (per key), with its key coder checked
   * to be deterministic; returns their full names.
   */
  private static List<String> groupedKeys(Pipeline pipeline) {
    List<String> names = new ArrayList<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            PTransform<?, ?> transform = node.getTransform();
            if (transform instanceof GroupByKey || keepsStatePerKey(transform)) {
              checkDeterministicKey(node);
              names.add(node.getFullName());
            }
          }
        });
    return names;
  }

  private static boolean keepsStatePerKey(PTransform<?, ?> transform) {
    DoFn<?, ?> fn = null;
    if (transform instanceof ParDo.SingleOutput<?, ?> single) {
      fn = single.getFn();
    } else if (transform instanceof ParDo.MultiOutput<?, ?> multi) {
      fn = multi.getFn();
    }
    if (fn == null) {
      return false;
    }
    DoFnSignature signature = DoFnSignatures.getSignature(fn.getClass());
    return signature.usesState() || signature.usesTimers();
  }

  private static void checkDeterministicKey(TransformHierarchy.Node node) {
    Map<TupleTag<?>, PCollection<?>> inputs = node.getInputs();
    for (Map.Entry<TupleTag<?>, PCollection<?>> input : inputs.entrySet()) {
      if (isSideInput(node, input.getKey())) {
        continue;
      }
      Coder<?> coder = input.getValue().getCoder();
      if (!(coder instanceof KvCoder<?, ?> kv)) {
        throw new AssertionError(node.getFullName() + " groups elements that are not KVs: " + coder);
      }
      try {
        kv.getKeyCoder().verifyDeterministic();
      } catch (Coder.NonDeterministicException e) {
        throw new AssertionError(
            node.getFullName() + " groups by a key whose coder is not deterministic", e);
      }
    }
  }

  private static boolean isSideInput(TransformHierarchy.Node node, TupleTag<?> tag) {
    return node.getTransform().getAdditionalInputs().containsKey(tag);
  }
}
