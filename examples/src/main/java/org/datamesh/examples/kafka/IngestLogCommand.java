package org.datamesh.examples.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.QuietConsole;
import org.datamesh.examples.cli.UsageException;

/**
 * {@code datamesh ingest-log --file=PATH --bootstrapServers=HOST:PORT --topic=T}: sends every line
 * of a log file to a Kafka topic, one record a line, and says how many were sent; the seeds'
 * log-file producer done properly.
 *
 * <pre>{@code
 * java -jar examples/target/datamesh.jar ingest-log --file=/var/log/app/server.log \
 *     --bootstrapServers=localhost:9092 --topic=server-logs
 * }</pre>
 *
 * <ul>
 *   <li><b>Nothing lost, nothing twice:</b> an idempotent producer with {@code acks=all}, so a
 *       retried send is written once and a record counts as sent only once every in-sync replica
 *       has it. Every failed send is counted and the first one's reason printed; any failure is
 *       exit 1.
 *   <li><b>Order:</b> the key is the file's name, so a file's lines go to one partition and keep
 *       their order (idempotence keeps it through retries); several files spread over partitions.
 *       Each record carries headers {@code datamesh.source} (the file name) and {@code
 *       datamesh.line} (its line number, from 1), so a reader can name a record's origin.
 *   <li><b>Bytes as they are:</b> a line is sent as the file holds it, without its line ending and
 *       never decoded: a line that is not valid UTF-8 is the reading product's to quarantine.
 *   <li><b>Throughput:</b> batches of up to 256 KiB, 20 ms linger, lz4 compression.
 *   <li><b>Unreachable brokers</b> are one line and exit 2, within {@code --timeoutSeconds}: the
 *       brokers are asked first, before anything is read. The client library's own log lines are
 *       held back.
 * </ul>
 */
public final class IngestLogCommand implements Command {

  /** Header naming the file a record's line came from. */
  public static final String SOURCE_HEADER = "datamesh.source";

  /** Header holding a record's line number in its file, from 1, as decimal text. */
  public static final String LINE_HEADER = "datamesh.line";

  /** Progress is printed at most this often. */
  private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);

  @Override
  public String name() {
    return "ingest-log";
  }

  @Override
  public String summary() {
    return "Send a log file's lines to a Kafka topic, in order, none lost or doubled";
  }

  @Override
  public Class<IngestLogOptions> optionsType() {
    return IngestLogOptions.class;
  }

  @Override
  public boolean takesBeamOptions() {
    return false;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    IngestLogOptions options = Options.parse(args, IngestLogOptions.class);
    Path file = file(options.getFile());
    String servers = required(options.getBootstrapServers(), "--bootstrapServers", "host:port");
    String topic = required(options.getTopic(), "--topic", "the topic to send to");
    if (options.getTimeoutSeconds() < 1) {
      throw new UsageException("--timeoutSeconds must be at least 1");
    }
    Duration timeout = Duration.ofSeconds(options.getTimeoutSeconds());

    long start = System.nanoTime();
    Sent sent;
    try (QuietConsole quiet = QuietConsole.unless(false)) {
      KafkaBrokers.requireReachable(servers, timeout, "nothing was sent");
      sent = send(file, servers, topic, timeout, out);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "Sent %,d lines of %s to topic %s at %s in %.1f s (%,d bytes read)%n",
        sent.acknowledged(), file.getFileName(), topic, servers, seconds, sent.bytesRead());
    if (sent.failed() > 0) {
      out.printf(
          Locale.ROOT,
          "%,d of %,d lines were NOT sent; the first failure: %s%n",
          sent.failed(), sent.lines(), sent.firstFailure());
      return ExitCode.RUN_FAILED;
    }
    return ExitCode.OK;
  }

  /**
   * The outcome of a file's sends.
   *
   * @param lines lines read from the file
   * @param acknowledged lines the brokers acknowledged (every in-sync replica has them)
   * @param failed lines that were not sent
   * @param firstFailure the first failed send's reason, or "null" when none failed
   * @param bytesRead bytes read from the file (compressed bytes for a {@code .gz} file)
   */
  public record Sent(
      long lines, long acknowledged, long failed, String firstFailure, long bytesRead) {}

  /**
   * The command's send: every line of {@code file} to {@code topic}, one record a line with the
   * producer, key, headers and bytes described above; returns once every send is acknowledged or
   * has failed, printing progress on {@code out} every few seconds. The brokers are not asked
   * first: the caller does that. Public for the bench's {@code ingest-log} scenario, which
   * measures this very method against a plain producer loop.
   *
   * <pre>{@code
   * Sent sent = IngestLogCommand.send(Path.of("server.log"), "localhost:9092", "server-logs",
   *     Duration.ofSeconds(30), System.out);
   * boolean complete = sent.failed() == 0 && sent.acknowledged() == sent.lines();
   * }</pre>
   */
  public static Sent send(
      Path file, String servers, String topic, Duration timeout, PrintStream out)
      throws IOException, InterruptedException {
    byte[] key = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    long lines = 0;
    long bytesRead;
    long lastProgress = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(producerSettings(servers, timeout));
        LogFileLines reader = LogFileLines.open(file)) {
      for (byte[] line = reader.next(); line != null; line = reader.next()) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, line);
        record.headers().add(SOURCE_HEADER, key);
        record.headers()
            .add(LINE_HEADER, Long.toString(reader.number()).getBytes(StandardCharsets.US_ASCII));
        try {
          producer.send(
              record,
              (metadata, error) -> {
                if (error == null) {
                  acknowledged.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                  firstFailure.compareAndSet(
                      null, error.getClass().getSimpleName() + ": " + error.getMessage());
                }
              });
        } catch (org.apache.kafka.common.KafkaException e) {
          // Refused before it was queued (metadata not available in time, record too large).
          failed.incrementAndGet();
          firstFailure.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        lines++;
        if (System.nanoTime() - lastProgress > PROGRESS_NANOS) {
          lastProgress = System.nanoTime();
          out.printf(
              Locale.ROOT, "  %,d lines read, %,d acknowledged (%,d bytes read)%n",
              lines, acknowledged.get(), reader.bytesRead());
        }
      }
      bytesRead = reader.bytesRead();
      producer.flush();
    }
    return new Sent(
        lines, acknowledged.get(), failed.get(), String.valueOf(firstFailure.get()), bytesRead);
  }

  /**
   * The producer: idempotent with {@code acks=all}, retries bounded by the delivery timeout, lz4
   * batches.
   */
  static Properties producerSettings(String servers, Duration timeout) {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "datamesh-ingest-log");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
    settings.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        (int) Math.max(timeout.toMillis(), 20 + Math.min(timeout.toMillis(), 30_000)));
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return settings;
  }

  private static Path file(String name) throws UsageException {
    String given = required(name, "--file", "the log file to send");
    Path file = Paths.get(given);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UsageException("--file: no readable file " + given);
    }
    return file;
  }

  private static String required(String value, String option, String what)
      throws UsageException {
    if (value == null || value.isBlank()) {
      throw new UsageException(option + " is required: " + what);
    }
    return value;
  }
}
