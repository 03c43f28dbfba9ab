package org.datamesh.core.testing;

import java.lang.reflect.Method;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Gives a JUnit 5 test a fresh {@link TestPipeline} and keeps the checks Beam's JUnit 4 rule makes:
 * the test fails if it built a pipeline and never ran it, or if it added a {@code PAssert} after
 * the run.
 *
 * <pre>{@code
 * @ExtendWith(TestPipelineExtension.class)
 * class ParseCsvTest {
 *   @Test
 *   void parsesRows(TestPipeline pipeline) {
 *     PCollection<Row> rows = pipeline.apply(...);
 *     PAssert.that(rows).containsInAnyOrder(...);
 *     pipeline.run().waitUntilFinish();
 *   }
 * }
 * }</pre>
 *
 * <p>Beam 2.62 has only the JUnit 4 rule; without it {@code TestPipeline.run()} refuses to run,
 * and switching its enforcement off loses exactly the "forgot to run" check. This extension runs
 * the test method inside the rule's own statement instead, so Beam's enforcement applies unchanged.
 * Pipeline options come from the {@code beamTestPipelineOptions} system property, as with the rule.
 */
public final class TestPipelineExtension implements ParameterResolver, InvocationInterceptor {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestPipelineExtension.class);
  private static final String PIPELINE = "pipeline";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestPipeline.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(PIPELINE, key -> TestPipeline.create(), TestPipeline.class);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    TestPipeline pipeline = context.getStore(NAMESPACE).get(PIPELINE, TestPipeline.class);
    if (pipeline == null) {
      invocation.proceed();
      return;
    }
    Method method = invocationContext.getExecutable();
    Description description =
        Description.createTestDescription(
            method.getDeclaringClass(), method.getName(), method.getAnnotations());
    Statement test =
        new Statement() {
          @Override
          public void evaluate() throws Throwable {
            invocation.proceed();
          }
        };
    pipeline.apply(test, description).evaluate();
  }
}
