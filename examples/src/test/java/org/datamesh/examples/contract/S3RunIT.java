package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.demo.OrdersSampleGenerator;
import org.datamesh.examples.demo.SampleLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --input=s3://bucket/exports/*.csv --output=s3://bucket/mesh} reads from and
 * publishes to a real S3-compatible server (S3Proxy, in memory, on a free loopback port),
 * configured from the command line alone; and the credentials
 * given there appear nowhere the process prints (its messages and every log line, at INFO), nor
 * in what it publishes, whether the run succeeds or fails. Each run is a separate JVM, as a user
 * starts it.
 */
class S3RunIT {

  static final String ACCESS_KEY_ID = "AKIADATAMESHTEST0001";
  static final String SECRET = "dm-SECRET-7f3a9c2e41b8d6f0aa5e";

  /** What S3Proxy puts in every error's request id. */
  private static final String REQUEST_ID = "Request ID: 4442587FB7D0A2F9";

  @RegisterExtension static final S3Server S3 = new S3Server(ACCESS_KEY_ID, SECRET);

  @TempDir Path dir;

  private Path contract;
  private Path input;
  private SampleLedger ledger;

  @BeforeEach
  void sampleOrders() throws Exception {
    contract = OrdersContract.write(dir, "sales-orders.odcs.yaml");
    input = dir.resolve("exports").resolve("orders.csv");
    ledger = OrdersSampleGenerator.write(input, 600, 17);
  }

  @Test
  void readsFromAndPublishesToS3WithTheGeneratorsCountsAndPrintsNoCredential() throws Exception {
    try (S3Store store = store()) {
      store.createBucket("lake");
      // The input is an object in the same store: s3:// in, s3:// out.
      store.put("lake", "exports/orders.csv", java.nio.file.Files.readAllBytes(input));
      String[] args = runArgs(S3.endpoint(), credentials(SECRET), "lake");
      args[2] = "--input=s3://lake/exports/*.csv";
      CliOutcome outcome = CliProcess.run(dir, args);

      assertThat(outcome.out() + outcome.err(), outcome.status(), is(ExitCode.OK));
      assertNoCredentialIn(outcome.out() + outcome.err());
      // Embedded Flink's working folder went with the command's scratch folder when it exited.
      try (Stream<Path> left = java.nio.file.Files.list(dir.resolve("tmp"))) {
        assertThat(
            left.map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("minicluster_") || n.startsWith("datamesh-flink-"))
                .toList(),
            empty());
      }
      assertThat(
          outcome.outLines(),
          hasItems(
              count("records in", ledger.records()),
              count("published", ledger.published()),
              count("deduplicated", ledger.duplicates()),
              "  balance       in = published + quarantined + deduplicated",
              "  manifest      s3://lake/mesh/sales/orders/_manifest.json"));

      // Read back through the test's own S3 client: exactly the manifest, the files it
      // lists and the run's catalog and lineage (no probe object, no temporary file), with the
      // generator's counts, read by DuckDB.
      Path copy = dir.resolve("copy");
      List<String> keys = store.keys("lake", "");
      for (String key : keys) {
        if (key.startsWith("exports/")) {
          continue; // the input, which the test wrote
        }
        store.download("lake", key, copy.resolve(key));
        assertNoCredentialIn(new String(store.read("lake", key), StandardCharsets.ISO_8859_1));
      }
      Path productDir = copy.resolve("mesh/sales/orders");
      Manifest manifest = Manifest.read(productDir);
      List<String> expected = new ArrayList<>();
      expected.add("exports/orders.csv"); // the input, untouched
      expected.add("mesh/sales/orders/_manifest.json");
      // What a run leaves beside the product: its contract facts, the catalog and its page, lineage
      // events.
      expected.add("mesh/sales/orders/_product.json");
      expected.add("mesh/catalog.json");
      expected.add("mesh/index.html");
      expected.add("mesh/_lineage/events.jsonl");
      Stream.concat(manifest.files().stream(), manifest.quarantineFiles().stream())
          .map(f -> "mesh/sales/orders/" + f)
          .forEach(expected::add);
      assertThat(keys, equalTo(expected.stream().sorted().toList()));
      RunCommandIT.assertPublished(productDir, ledger);
    }
  }

  @Test
  void aWrongSecretIsAUsageErrorThatDoesNotShowIt() throws Exception {
    try (S3Store store = store()) {
      store.createBucket("wrong-secret");
    }
    String wrong = "dm-WRONG-0b1c2d3e4f5a6b7c8d9e";
    CliOutcome outcome =
        CliProcess.run(dir, runArgs(S3.endpoint(), credentials(wrong), "wrong-secret"));

    assertFailedWith(
        outcome,
        "datamesh run: cannot write to s3://wrong-secret/mesh/ (Forbidden (Service: S3, Status"
            + " Code: 403, " + REQUEST_ID + "))");
    assertThat(outcome.out() + outcome.err(), not(containsString(wrong)));
  }

  @Test
  void anUnreachableEndpointIsAUsageErrorThatDoesNotShowTheSecret() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliOutcome outcome =
        CliProcess.run(
            dir,
            runArgs(URI.create("http://127.0.0.1:" + closedPort), credentials(SECRET), "lake"));

    assertFailedWith(outcome, "datamesh run: cannot write to s3://lake/mesh/ (Connection refused)");
  }

  @Test
  void malformedCredentialsAreAUsageErrorThatDoesNotShowThem() throws Exception {
    String malformed = credentials(SECRET).replace("}", "");
    CliOutcome outcome = CliProcess.run(dir, runArgs(S3.endpoint(), malformed, "lake"));

    assertFailedWith(
        outcome,
        "datamesh run: --awsCredentialsProvider has a value that cannot be read as its type"
            + " (not shown: the option holds a secret)");
  }

  @Test
  void aMissingBucketIsAUsageErrorThatDoesNotShowTheSecret() throws Exception {
    CliOutcome outcome =
        CliProcess.run(dir, runArgs(S3.endpoint(), credentials(SECRET), "no-such-bucket"));

    assertFailedWith(
        outcome,
        "datamesh run: cannot write to s3://no-such-bucket/mesh/ (The specified bucket does not"
            + " exist (Service: S3, Status Code: 404, " + REQUEST_ID + "))");
  }

  /** Exit 2, the one message, no stack trace, nothing published and no credential anywhere. */
  private static void assertFailedWith(CliOutcome outcome, String message) {
    assertThat(outcome.out() + outcome.err(), outcome.status(), is(ExitCode.USAGE));
    assertThat(
        outcome.errLines().stream().filter(l -> l.startsWith("datamesh ")).toList(),
        equalTo(List.of(message)));
    assertThat(outcome.err(), not(containsString("\tat ")));
    assertThat(outcome.out(), equalTo(""));
    assertNoCredentialIn(outcome.out() + outcome.err());
  }

  static void assertNoCredentialIn(String text) {
    assertThat(text, not(containsString(SECRET)));
    assertThat(text, not(containsString(ACCESS_KEY_ID)));
  }

  private S3Store store() {
    return new S3Store(S3.endpoint(), ACCESS_KEY_ID, SECRET);
  }

  /**
   * {@code run}'s options for a pipeline built in the test's JVM on the Direct runner, reaching
   * {@code server} with this class's key and secret, parsed as the command line parses them.
   */
  static RunOptions directRunOptions(S3Server server) throws Exception {
    return Options.parse(
        new String[] {
          "--runner=DirectRunner",
          "--awsRegion=us-east-1",
          "--endpoint=" + server.endpoint(),
          credentials(SECRET)
        },
        RunOptions.class);
  }

  /** {@code --awsCredentialsProvider} with a static access key and {@code secret}. */
  static String credentials(String secret) {
    return "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\""
        + ACCESS_KEY_ID + "\",\"secretAccessKey\":\"" + secret + "\"}";
  }

  @Test
  void ofTwoOverlappingRunsOnlyOneCommitsAndTheManifestListsOnlyFilesThatExist()
      throws Exception {
    // A's manifest upload is held open (by a proxy that also checks S3's conditional writes,
    // which S3Proxy ignores) while B runs and commits. On main both exited 0: nothing tied A's
    // upload to the manifest it had read, so it replaced B's version unseen.
    try (S3Store store = store();
        ConditionalWritesProxy proxy = ConditionalWritesProxy.start(S3.endpoint(), S3.blobStore())) {
      store.createBucket("race");
      ConditionalWritesProxy.Hold hold = proxy.holdNextConditionalWrite();
      RunProcess a =
          RunProcess.start(
              List.of(runArgs(proxy.endpoint(), credentials(SECRET), "race")),
              dir.resolve("a.log"),
              java.util.Map.of());
      assertThat(a.log(), hold.reached().await(3, java.util.concurrent.TimeUnit.MINUTES), is(true));

      CliOutcome b = CliProcess.run(dir, runArgs(proxy.endpoint(), credentials(SECRET), "race"));
      assertThat(b.out() + b.err(), b.status(), is(ExitCode.OK));
      hold.release().countDown();

      assertThat(a.log(), a.exitStatus(), is(ExitCode.RUN_FAILED));
      Manifest inForce =
          Manifest.parse(store.read("race", "mesh/sales/orders/" + Manifest.FILE_NAME));
      assertThat(b.out(), containsString(", run " + inForce.runId() + ","));
      assertThat(
          a.log(),
          containsString(
              "was not committed: run " + inForce.runId() + " committed while it ran (it started"
                  + " from no published version)"));
      List<String> keys = store.keys("race", "mesh/sales/orders/");
      for (String file : inForce.files()) {
        assertThat(file, keys.contains("mesh/sales/orders/" + file), is(true));
      }
      for (String file : inForce.quarantineFiles()) {
        assertThat(file, keys.contains("mesh/sales/orders/" + file), is(true));
      }
      assertThat(proxy.refused(), equalTo(List.of("mesh/sales/orders/" + Manifest.FILE_NAME)));
    }
  }

  private String[] runArgs(URI endpoint, String credentials, String bucket) {
    return new String[] {
      "run",
      "--contract=" + contract,
      "--input=" + input,
      "--output=s3://" + bucket + "/mesh",
      "--awsRegion=us-east-1",
      "--endpoint=" + endpoint,
      credentials,
      "--parallelism=2"
    };
  }

  private static String count(String label, long n) {
    return String.format(Locale.ROOT, "  %-13s %,10d", label, n);
  }
}
