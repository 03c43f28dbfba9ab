package org.datamesh.examples.bench;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.datamesh.examples.cli.Placeholder;

/** Options of {@code datamesh bench}. */
public interface BenchOptions extends PipelineOptions {

  @Description("Folder for the input, the runs' output and logs, and results.json (required)")
  String getOutput();

  void setOutput(String output);

  // No @Default: demo has --records too, and Beam refuses one option with two defaults.
  @Description("Sample orders N to generate (default 100000); scale-10x also runs 10N")
  Integer getRecords();

  void setRecords(Integer records);

  @Description(
      "Comma-separated scenarios (default: all but memory-10m, fsync-1m, ingest-log and"
          + " kafka-stream, which run only when named): library-vs-plain-java,"
          + " library-vs-handwritten-beam, library-vs-handwritten-beam-direct,"
          + " publish-vs-raw-parquet, scale-10x, protect-vs-clear, checks-vs-unchecked, memory-10m,"
          + " fsync-1m, ingest-log, kafka-stream")
  String getScenarios();

  void setScenarios(String scenarios);

  @Description("Runs of each measurement; the median is kept")
  @Default.Integer(1)
  int getRepeat();

  void setRepeat(int repeat);

  @Description("Orders for the Direct runner scenario, whatever N is")
  @Default.Integer(2_000)
  int getDirectRecords();

  void setDirectRecords(int directRecords);

  @Description("Orders of the untimed warm-up each child JVM runs first; 0 for none")
  @Default.Integer(1_000)
  int getWarmupRecords();

  void setWarmupRecords(int warmupRecords);

  @Description(
      "JVM options for every measured child run, separated by spaces (e.g. -XX:+UseParallelGC);"
          + " figures are only comparable between runs with the same options")
  @Default.String("")
  String getChildJvmOptions();

  void setChildJvmOptions(String childJvmOptions);

  @Description("Orders of the memory-10m scenario (run with -Xmx1g)")
  @Default.Integer(10_000_000)
  int getMemoryRecords();

  void setMemoryRecords(int memoryRecords);

  @Description("Orders of the fsync-1m scenario")
  @Default.Integer(1_000_000)
  int getFsyncRecords();

  void setFsyncRecords(int fsyncRecords);

  @Description("Random seed of the sample data")
  @Default.Long(42)
  long getSeed();

  void setSeed(long seed);

  // Not KafkaOptions: required by two scenarios only, and bench has no other Kafka settings.
  @Description(
      "Kafka broker the ingest-log and kafka-stream scenarios use, host:port[,host:port]"
          + " (required by them; bench starts none)")
  @Placeholder("HOST:PORT")
  String getBootstrapServers();

  void setBootstrapServers(String bootstrapServers);

  @Description(
      "The built Spark peer the library-vs-spark scenario runs: its target folder, built with"
          + " mvn -B -q -f examples/spark-bench/pom.xml package")
  @Default.String("examples/spark-bench/target")
  @Placeholder("DIR")
  String getSparkPeer();

  void setSparkPeer(String sparkPeer);

  @Description("Also write this Markdown report (docs/benchmarks.md), as bench-report does")
  String getReport();

  void setReport(String report);
}
