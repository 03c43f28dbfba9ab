package org.datamesh.examples.kafka;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.datamesh.examples.cli.Placeholder;

/** The options every Kafka command shares: where the brokers are and how long to wait for them. */
public interface KafkaOptions extends PipelineOptions {

  @Description("Kafka brokers to connect to first, host:port[,host:port] (required)")
  @Placeholder("HOST:PORT")
  String getBootstrapServers();

  void setBootstrapServers(String bootstrapServers);

  @Description("Seconds to wait for the brokers to answer before giving up, at start and per send")
  @Default.Integer(30)
  int getTimeoutSeconds();

  void setTimeoutSeconds(int timeoutSeconds);
}
