package org.datamesh.examples.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest-log} against a real broker: every line of the file arrives once, byte for byte and
 * in order, with its file and line number; a gzip file the same; an unreachable broker is one line
 * and exit 2.
 */
class IngestLogIT {

  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

  @TempDir Path dir;

  @Test
  void everyLineArrivesOnceInOrderByteForByte() throws Exception {
    List<byte[]> lines = sampleLines(20_000, 7);
    Path file = write(dir.resolve("server.log"), lines, false);

    CliOutcome sent = ingest(file, "server-logs");
    System.out.print(sent.out());

    assertThat(sent.err(), sent.status(), is(ExitCode.OK));
    assertThat(sent.out(), containsString("Sent 20,000 lines of server.log to topic server-logs"));
    assertThat("no client log line reaches the console", sent.err(), equalTo(""));
    List<ConsumerRecord<byte[], byte[]>> records = readAll("server-logs", 20_000);
    assertThat(records, hasSize(20_000));
    Set<Integer> partitions = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<byte[], byte[]> record = records.get(i);
      partitions.add(record.partition());
      assertThat("line " + (i + 1), record.value(), equalTo(lines.get(i)));
      assertThat(header(record, IngestLogCommand.LINE_HEADER), equalTo(String.valueOf(i + 1)));
      assertThat(header(record, IngestLogCommand.SOURCE_HEADER), equalTo("server.log"));
      assertThat(new String(record.key(), StandardCharsets.UTF_8), equalTo("server.log"));
    }
    assertThat("a file's lines share one partition, so they keep their order", partitions, hasSize(1));
  }

  @Test
  void aGzipFileIsSentAsItsLines() throws Exception {
    List<byte[]> lines = sampleLines(3_000, 11);
    Path file = write(dir.resolve("access.log.gz"), lines, true);

    CliOutcome sent = ingest(file, "access-logs");

    assertThat(sent.err(), sent.status(), is(ExitCode.OK));
    List<ConsumerRecord<byte[], byte[]>> records = readAll("access-logs", 3_000);
    assertThat(records, hasSize(3_000));
    for (int i = 0; i < records.size(); i++) {
      assertThat("line " + (i + 1), records.get(i).value(), equalTo(lines.get(i)));
    }
  }

  @Test
  void anUnreachableBrokerIsOneLineAndExitTwo() throws Exception {
    Path file = write(dir.resolve("server.log"), sampleLines(10, 3), false);
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    long start = System.nanoTime();
    CliOutcome sent =
        CliOutcome.run(
            "ingest-log", "--file=" + file, "--bootstrapServers=127.0.0.1:" + closedPort,
            "--topic=server-logs", "--timeoutSeconds=1");
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(sent.status(), is(ExitCode.USAGE));
    assertThat(sent.err().strip().lines().toList(), hasSize(1));
    assertThat(
        sent.err(),
        containsString("no Kafka broker answered at 127.0.0.1:" + closedPort + " within 1 s"));
    assertThat(seconds, lessThan(18.0));
  }

  @Test
  void aMissingFileIsAUsageError() {
    CliOutcome sent =
        CliOutcome.run(
            "ingest-log", "--file=" + dir.resolve("nope.log"),
            "--bootstrapServers=" + KAFKA.bootstrapServers(), "--topic=t");
    assertThat(sent.status(), is(ExitCode.USAGE));
    assertThat(sent.err(), containsString("no readable file"));
  }

  private static CliOutcome ingest(Path file, String topic) {
    return CliOutcome.run(
        "ingest-log", "--file=" + file, "--bootstrapServers=" + KAFKA.bootstrapServers(),
        "--topic=" + topic);
  }

  /**
   * Log lines as the seeds' server logs look, with what a real file holds too: a few lines that
   * are not valid UTF-8, multibyte text, an empty line, and CRLF endings on some.
   */
  static List<byte[]> sampleLines(int count, long seed) {
    Random random = new Random(seed);
    String[] levels = {"INFO", "WARN", "ERROR", "DEBUG"};
    List<byte[]> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String text =
          String.format(
              "2026-12-06T10:%02d:%02d.%03dZ %s host-%d GET /api/orders/%d %d %dms",
              (i / 60) % 60, i % 60, random.nextInt(1000), levels[random.nextInt(4)],
              random.nextInt(5), random.nextInt(100_000), 200 + random.nextInt(4) * 100,
              random.nextInt(900));
      if (i % 997 == 5) {
        text = "";
      } else if (i % 499 == 7) {
        text = text + " user=Zoë 東京";
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (i % 1_009 == 13) {
        bytes = Arrays.copyOf(bytes, bytes.length + 2);
        bytes[bytes.length - 2] = (byte) 0xC3; // a lone lead byte: not UTF-8
        bytes[bytes.length - 1] = (byte) 0x28;
      }
      lines.add(bytes);
    }
    return lines;
  }

  /** Writes the lines, every 10th ending with CRLF, the last without a line ending. */
  static Path write(Path file, List<byte[]> lines, boolean gzip) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      bytes.write(lines.get(i));
      if (i < lines.size() - 1) {
        bytes.write(i % 10 == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
      }
    }
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(bytes.toByteArray());
    }
    return file;
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      int quietPolls = 0;
      while (System.nanoTime() < deadline && quietPolls < 3) {
        int before = records.size();
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        // After the expected count, a few empty polls show nothing more (no line twice).
        quietPolls = records.size() >= expected && records.size() == before ? quietPolls + 1 : 0;
      }
    }
    return records;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
