package org.datamesh.rules.dataset;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Combining in bundles gives what Combine.globally gives, for many elements and for none. */
@ExtendWith(TestPipelineExtension.class)
class CombineInBundlesTest {

  @Test
  void sumsEveryElementOnceAcrossBundles(TestPipeline pipeline) {
    List<Integer> numbers = IntStream.rangeClosed(1, 5_000).boxed().toList();
    PCollection<Integer> sum =
        pipeline
            .apply(Create.of(numbers).withCoder(VarIntCoder.of()))
            .apply(CombineInBundles.of(Sum.ofIntegers()));
    PAssert.thatSingleton(sum).isEqualTo(5_000 * 5_001 / 2);
    pipeline.run();
  }

  @Test
  void noElementsGiveTheOutputOfNone(TestPipeline pipeline) {
    PCollection<Integer> max =
        pipeline
            .apply(Create.empty(VarIntCoder.of()))
            .apply(CombineInBundles.of(Max.ofIntegers()));
    PAssert.thatSingleton(max).isEqualTo(Integer.MIN_VALUE);
    pipeline.run();
  }

  @Test
  void refusesWindowedInput() {
    PCollection<Integer> windowed =
        Pipeline.create()
            .apply(Create.of(1, 2, 3))
            .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))));
    assertThrows(
        IllegalArgumentException.class, () -> windowed.apply(CombineInBundles.of(Sum.ofIntegers())));
  }
}
