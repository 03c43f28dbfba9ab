package org.datamesh.examples.kafka;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code datamesh ingest-log}. */
public interface IngestLogOptions extends PipelineOptions {

  @Description("The log file to send, one record a line (required); a .gz file is decompressed")
  String getFile();

  void setFile(String file);

  @Description("Kafka brokers to connect to first, host:port[,host:port] (required)")
  String getBootstrapServers();

  void setBootstrapServers(String bootstrapServers);

  @Description("The topic the lines go to (required); the broker creates it if it allows")
  String getTopic();

  void setTopic(String topic);

  @Description("Seconds to wait for the brokers to answer before giving up, at start and per send")
  @Default.Integer(30)
  int getTimeoutSeconds();

  void setTimeoutSeconds(int timeoutSeconds);
}
