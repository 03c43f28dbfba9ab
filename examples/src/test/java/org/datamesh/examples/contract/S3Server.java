package org.datamesh.examples.contract;

import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3-compatible server for a test class: S3Proxy over jclouds' in-memory blob store, on a
 * free loopback port, accepting only the given access key and secret (AWS signature V2 or V4).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final S3Server S3 = new S3Server("AKIAEXAMPLE", "secret");
 * ... "--endpoint=" + S3.endpoint() ...
 * }</pre>
 *
 * <p>S3Proxy's own JUnit extension starts one server per test on a folder it deletes with a
 * Guava method the command line's Guava (the Android flavour) does not have; one in-memory server
 * per class is also quicker. Unknown headers are ignored, as S3 does: Beam sends the bucket-key
 * encryption header with every upload, which S3Proxy otherwise refuses.
 */
final class S3Server implements BeforeAllCallback, AfterAllCallback {

  private final String accessKeyId;
  private final String secret;
  private BlobStoreContext context;
  private S3Proxy proxy;

  S3Server(String accessKeyId, String secret) {
    this.accessKeyId = accessKeyId;
    this.secret = secret;
  }

  /** The in-memory blob store behind the server, to check what it holds without a request. */
  org.jclouds.blobstore.BlobStore blobStore() {
    return context.getBlobStore();
  }

  /** Where the server listens, {@code http://127.0.0.1:<port>}. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  @Override
  public void beforeAll(ExtensionContext extension) throws Exception {
    context =
        ContextBuilder.newBuilder("transient")
            .credentials(accessKeyId, secret)
            .build(BlobStoreContext.class);
    proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secret)
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start within 30 s: " + proxy.getState());
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void afterAll(ExtensionContext extension) throws Exception {
    if (proxy != null) {
      proxy.stop();
    }
    if (context != null) {
      context.close();
    }
  }
}
