package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

/** {@link PortablePipeline} finds what a remote worker would fail on, naming the step. */
class PortablePipelineTest {

  @Test
  void aDoFnThatDoesNotReadBackFromItsBytesFailsNamingItsStep() {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    pipeline.apply(Create.of("a")).apply("Unreadable", ParDo.of(new UnreadableFn()));

    AssertionError error = assertThrows(AssertionError.class, () -> PortablePipeline.check(pipeline));

    assertThat(error.getMessage(), containsString("Unreadable"));
    assertThat(error.getMessage(), containsString("does not read back"));
  }

  @Test
  void aCoderThatDoesNotReadBackFromItsBytesFails() {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    pipeline
        .apply(Create.of("a"))
        .apply("Same", MapElements.into(TypeDescriptors.strings()).via((String s) -> s))
        .setCoder(new UnreadableCoder());

    AssertionError error = assertThrows(AssertionError.class, () -> PortablePipeline.check(pipeline));

    assertThat(error.getMessage(), containsString("does not read back from its proto"));
  }

  @Test
  void everyGroupingIsListedWithItsFullName() throws Exception {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    pipeline
        .apply(Create.of("a", "b"))
        .apply("Key", WithKeys.of((String s) -> s).withKeyType(TypeDescriptors.strings()))
        .apply("Group", GroupByKey.create());

    assertThat(PortablePipeline.check(pipeline).groupedKeys(), equalTo(List.of("Group")));
  }

  /** Serializes, but refuses to be read back, as a DoFn holding an unreadable field would. */
  private static final class UnreadableFn extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String value, OutputReceiver<String> out) {
      out.output(value);
    }

    private void readObject(ObjectInputStream in) throws IOException {
      throw new InvalidObjectException("refuses to be read back");
    }
  }

  private static final class UnreadableCoder extends AtomicCoder<String> {
    @Override
    public void encode(String value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value, out);
    }

    @Override
    public String decode(InputStream in) throws IOException {
      return StringUtf8Coder.of().decode(in);
    }

    private void readObject(ObjectInputStream in) throws IOException {
      throw new InvalidObjectException("refuses to be read back");
    }
  }
}
