package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.datamesh.core.publish.ManifestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The manifest's compare-and-swap on S3: of two commits that read the same manifest, the one
 * whose conditional upload comes second is refused, whatever the timing. S3Proxy ignores the
 * conditions, so the server here is S3Proxy behind {@link ConditionalWritesProxy}, which checks
 * them as Amazon S3 does.
 */
class S3ManifestStoreTest {

  @RegisterExtension static final S3Server S3 = new S3Server("AKIAMANIFESTSTORE001", "secret-1");

  private ConditionalWritesProxy proxy;
  private PipelineOptions options;
  private ResourceId manifest;
  private final ManifestStore store = ManifestStore.forScheme("s3").orElseThrow();

  @BeforeEach
  void startProxy() throws Exception {
    proxy = ConditionalWritesProxy.start(S3.endpoint(), S3.blobStore());
    S3.blobStore().createContainerInLocation(null, "lake");
    options =
        PipelineOptionsFactory.fromArgs(
                "--awsRegion=us-east-1",
                "--endpoint=" + proxy.endpoint(),
                "--awsCredentialsProvider={\"@type\": \"StaticCredentialsProvider\","
                    + " \"accessKeyId\": \"AKIAMANIFESTSTORE001\", \"secretAccessKey\": \"secret-1\"}")
            .create();
    FileSystems.setDefaultPipelineOptions(options);
    manifest = FileSystems.matchNewResource("s3://lake/mesh/sales/orders/_manifest.json", false);
  }

  @AfterEach
  void stopProxy() throws Exception {
    S3.blobStore().deleteContainer("lake");
    proxy.close();
  }

  @Test
  void isTheStoreRegisteredForS3Only() {
    assertThat(store.getClass(), equalTo(S3ManifestStore.class));
    assertThat(ManifestStore.forScheme("gs"), equalTo(Optional.empty()));
  }

  @Test
  void writesOnlyOverTheVersionItRead() throws Exception {
    assertThat(store.read(manifest, options), equalTo(Optional.empty()));
    store.replace(manifest, null, bytes("a"), options);
    ManifestStore.Stored a = store.read(manifest, options).orElseThrow();
    assertThat(text(a), equalTo("a"));

    // A first manifest where one exists, and a manifest over a version no longer in force.
    assertThrows(
        ManifestStore.ManifestChangedException.class,
        () -> store.replace(manifest, null, bytes("b"), options));
    store.replace(manifest, a.version(), bytes("c"), options);
    assertThrows(
        ManifestStore.ManifestChangedException.class,
        () -> store.replace(manifest, a.version(), bytes("d"), options));

    assertThat(text(store.read(manifest, options).orElseThrow()), equalTo("c"));
    assertThat(
        proxy.refused(), equalTo(List.of(
            "mesh/sales/orders/_manifest.json", "mesh/sales/orders/_manifest.json")));
  }

  @Test
  void ofTwoCommitsThatReadTheSameVersionTheSecondUploadIsRefused() throws Exception {
    store.replace(manifest, null, bytes("v1"), options);
    ManifestStore.Stored readByA = store.read(manifest, options).orElseThrow();
    ManifestStore.Stored readByB = store.read(manifest, options).orElseThrow();
    // A's upload is held open, as a slow request would be; B commits meanwhile.
    ConditionalWritesProxy.Hold hold = proxy.holdNextConditionalWrite();
    CompletableFuture<Void> a =
        CompletableFuture.runAsync(
            () -> {
              try {
                store.replace(manifest, readByA.version(), bytes("a"), options);
              } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    assertThat(hold.reached().await(30, TimeUnit.SECONDS), is(true));
    store.replace(manifest, readByB.version(), bytes("b"), options);
    hold.release().countDown();

    Exception failed = assertThrows(Exception.class, () -> a.get(30, TimeUnit.SECONDS));
    assertThat(
        failed.getCause().getClass(),
        equalTo(ManifestStore.ManifestChangedException.class));
    assertThat(text(store.read(manifest, options).orElseThrow()), equalTo("b"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(ManifestStore.Stored stored) {
    return new String(stored.content(), StandardCharsets.UTF_8);
  }
}
