package org.datamesh.examples.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datamesh.examples.kafka.StreamCommand;
import org.datamesh.pipelines.orders.OrdersProduct;

/**
 * Child JVM main: the library side of the {@code kafka-stream} scenario, what {@code datamesh
 * stream} runs ({@link StreamCommand#plan}) for the sales orders contract, CSV messages, on the
 * runner the bench names (embedded Flink), measured by {@link KafkaStreamMeasurement}.
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.KafkaStreamRun orders-300000.csv out - \
 *     --runner=FlinkRunner --parallelism=2 --fasterCopy=true \
 *     --bootstrapServers=localhost:9092 --topicPrefix=datamesh-bench-1765000000000-
 * }</pre>
 */
public final class KafkaStreamRun {

  private KafkaStreamRun() {}

  public static void main(String[] args) {
    ChildRun.main("stream-library", args, KafkaStreamRun::run);
  }

  static Counts run(String input, Path output, String[] args) throws Exception {
    return KafkaStreamMeasurement.run(
        input,
        output,
        args,
        topics -> {
          StreamCommand.Plan plan = StreamCommand.plan(streamArgs(topics, output, args));
          return () -> plan.pipeline().run().waitUntilFinish();
        });
  }

  /** {@code stream}'s arguments for the run's topics, the bench's Beam options kept. */
  private static String[] streamArgs(
      StreamTopics topics, Path output, String[] args) throws Exception {
    Files.createDirectories(output);
    Path contract = output.resolve(OrdersProduct.CONTRACT_RESOURCE);
    Files.writeString(contract, OrdersProduct.contractText(), StandardCharsets.UTF_8);
    List<String> stream = new ArrayList<>();
    stream.add("--contract=" + contract);
    stream.add("--bootstrapServers=" + topics.servers());
    stream.add("--inputTopic=" + topics.in());
    stream.add("--outputTopic=" + topics.out());
    stream.add("--quarantineTopic=" + topics.quarantine());
    stream.add("--messageFormat=csv");
    for (String arg : args) {
      // the bench's own arguments are not stream's options
      if (!arg.startsWith("--topicPrefix=") && !arg.startsWith("--bootstrapServers=")) {
        stream.add(arg);
      }
    }
    return stream.toArray(String[]::new);
  }
}
