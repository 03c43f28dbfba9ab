package org.datamesh.core.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs small test classes through the JUnit engine and checks what the extension made of them:
 * a pipeline that is built but never run must fail its test, one that runs must pass, and a
 * failing PAssert must fail the test.
 */
class TestPipelineExtensionTest {

  /** Test cases run only through {@link EngineTestKit}; Surefire skips nested classes. */
  @ExtendWith(TestPipelineExtension.class)
  static class Cases {
    @Test
    void neverRuns(TestPipeline pipeline) {
      PCollection<Integer> numbers = pipeline.apply(Create.of(1, 2, 3));
      PAssert.that(numbers).containsInAnyOrder(1, 2, 3);
    }

    @Test
    void runs(TestPipeline pipeline) {
      PCollection<Integer> numbers = pipeline.apply(Create.of(1, 2, 3));
      PAssert.that(numbers).containsInAnyOrder(1, 2, 3);
      pipeline.run().waitUntilFinish();
    }

    @Test
    void assertsWrongly(TestPipeline pipeline) {
      PCollection<Integer> numbers = pipeline.apply(Create.of(1, 2, 3));
      PAssert.that(numbers).containsInAnyOrder(1, 2, 4);
      pipeline.run().waitUntilFinish();
    }

    @Test
    void assertsAfterTheRun(TestPipeline pipeline) {
      PCollection<Integer> numbers = pipeline.apply(Create.of(1, 2, 3));
      pipeline.run().waitUntilFinish();
      PAssert.that(numbers).containsInAnyOrder(1, 2, 3);
    }

    @Test
    void needsNoPipeline() {
      assertThat(1 + 1, is(2));
    }
  }

  private static List<Event> finished(String method) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(Cases.class, method, TestPipeline.class.getName()))
        .execute()
        .testEvents()
        .finished()
        .list();
  }

  private static Throwable failureOf(String method) {
    List<Event> events = finished(method);
    assertThat(events.size(), is(1));
    return events.get(0)
        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
        .orElseThrow(() -> new AssertionError(method + " was expected to fail but passed"));
  }

  @Test
  void failsATestThatNeverRunsItsPipeline() {
    assertThat(
        failureOf("neverRuns"),
        instanceOf(TestPipeline.PipelineRunMissingException.class));
  }

  @Test
  void failsATestThatAddsAnAssertionAfterTheRun() {
    assertThat(failureOf("assertsAfterTheRun"), instanceOf(TestPipeline.AbandonedNodeException.class));
  }

  @Test
  void failsATestWhosePAssertFails() {
    assertThat(failureOf("assertsWrongly"), instanceOf(AssertionError.class));
  }

  @Test
  void passesATestThatRunsItsPipeline() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(Cases.class, "runs", TestPipeline.class.getName()))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));
  }

  @Test
  void leavesTestsWithoutAPipelineAlone() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(Cases.class, "needsNoPipeline"))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));
  }
}
