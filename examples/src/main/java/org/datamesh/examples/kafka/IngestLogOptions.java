package org.datamesh.examples.kafka;

import org.apache.beam.sdk.options.Description;

/** Options of {@code datamesh ingest-log}. */
public interface IngestLogOptions extends KafkaOptions {

  @Description("The log file to send, one record a line (required); a .gz file is decompressed")
  String getFile();

  void setFile(String file);

  @Description("The topic the lines go to (required); the broker creates it if it allows")
  String getTopic();

  void setTopic(String topic);
}
