package org.datamesh.examples.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.datamesh.examples.cli.UsageException;

/** Asks Kafka brokers for their cluster first, so an unreachable one is one clear line, not a stall. */
public final class KafkaBrokers {

  private KafkaBrokers() {}

  /**
   * Returns once a broker of {@code servers} answers; a usage error saying {@code consequence}
   * (what was therefore not done) when none does within {@code timeout}.
   */
  public static void requireReachable(String servers, Duration timeout, String consequence)
      throws UsageException, InterruptedException {
    Properties settings = new Properties();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "datamesh-broker-check");
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (Admin admin = Admin.create(settings)) {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
      throw new UsageException(
          "no Kafka broker answered at " + servers + " within " + timeout.toSeconds() + " s; "
              + consequence);
    }
  }
}
