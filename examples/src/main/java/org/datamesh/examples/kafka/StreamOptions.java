package org.datamesh.examples.kafka;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.datamesh.examples.cli.Placeholder;

/** Options of {@code datamesh stream}. */
public interface StreamOptions extends KafkaOptions {

  @Description("The product's ODCS v3 contract, a YAML file (required)")
  String getContract();

  void setContract(String contract);

  @Description("The topic the raw records are read from, one record a message (required)")
  @Placeholder("TOPIC")
  String getInputTopic();

  void setInputTopic(String inputTopic);

  @Description(
      "The topic the product's rows are written to as JSON, keyed by the primary key (default: the"
          + " topic of the contract's kafka server; with neither, rows go only to the Parquet"
          + " files of --output)")
  @Placeholder("TOPIC")
  String getOutputTopic();

  void setOutputTopic(String outputTopic);

  @Description(
      "The topic every failed record is written to as JSON with its reasons (default: the output"
          + " topic followed by .quarantine)")
  @Placeholder("TOPIC")
  String getQuarantineTopic();

  void setQuarantineTopic(String quarantineTopic);

  @Description(
      "A folder to also publish the product's Parquet files in, committed into its manifest window"
          + " by window; created when missing. Or an S3 location, s3://bucket/prefix, with Beam's"
          + " S3 options. Without it, the contract's local or s3 server, if it declares one")
  @Placeholder("DIR")
  String getOutput();

  void setOutput(String output);

  @Description(
      "Without --output: the name of the contract's server to publish files to, when it declares"
          + " several local or s3 servers")
  @Placeholder("NAME")
  String getServer();

  void setServer(String server);

  @Description("A topic for each window's counts as JSON, besides printing them (optional)")
  @Placeholder("TOPIC")
  String getTallyTopic();

  void setTallyTopic(String tallyTopic);

  @Description("A topic for each window's dataset check results as JSON, besides printing them (optional)")
  @Placeholder("TOPIC")
  String getQualityTopic();

  void setQualityTopic(String qualityTopic);

  @Description("Layout of a message: json (one object), csv (one record, columns in the contract's order) or log")
  @Default.String("json")
  @Placeholder("FORMAT")
  String getMessageFormat();

  void setMessageFormat(String messageFormat);

  @Description(
      "The timestamp or date column giving each record's event time (default: the broker's"
          + " timestamp)")
  @Placeholder("COLUMN")
  String getEventTime();

  void setEventTime(String eventTime);

  @Description("The table to build, for a contract of several tables")
  @Placeholder("TABLE")
  String getTable();

  void setTable(String table);

  @Description("Length of the event-time windows records are counted in (ISO-8601)")
  @Placeholder("DURATION")
  @Default.String("PT1M")
  String getWindow();

  void setWindow(String window);

  @Description("How long past its end a window waits for late records before it is reported (ISO-8601)")
  @Placeholder("DURATION")
  @Default.String("PT0S")
  String getAllowedLateness();

  void setAllowedLateness(String allowedLateness);

  @Description("How far behind the newest event time records may arrive without being late (ISO-8601)")
  @Placeholder("DURATION")
  @Default.String("PT10S")
  String getMaxOutOfOrderness();

  void setMaxOutOfOrderness(String maxOutOfOrderness);

  @Description("How long, in event time, a key is remembered for deduplication (ISO-8601)")
  @Placeholder("DURATION")
  @Default.String("P1D")
  String getDeduplicationMemory();

  void setDeduplicationMemory(String deduplicationMemory);

  @Description(
      "The consumer group the stream reads as, and the prefix of its exactly-once writers' names"
          + " (default: datamesh.<product id>.<table>); no offset is committed to it")
  @Placeholder("GROUP")
  String getConsumerGroup();

  void setConsumerGroup(String consumerGroup);

  @Description(
      "A folder for the stream's checkpoints (embedded Flink): a stream started again with the same"
          + " folder resumes from its last checkpoint, and writes its topics exactly once (Kafka"
          + " transactions, visible to read_committed consumers at each checkpoint)")
  @Placeholder("DIR")
  String getCheckpoints();

  void setCheckpoints(String checkpoints);

  @Description(
      "The keyset file protecting the contract's classified columns (else the environment"
          + " variable DATAMESH_KEYSET); needed when the contract protects any column; create one"
          + " with: keys --keyset=PATH")
  @Placeholder("FILE")
  String getKeyset();

  void setKeyset(String keyset);
}
