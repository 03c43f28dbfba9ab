package org.datamesh.examples.contract;

import java.io.IOException;
import java.util.Optional;
import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.InstanceBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.publish.ManifestStore;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The manifest of a product on S3, replaced with S3's conditional writes: {@code If-None-Match:
 * *} for a product's first manifest, {@code If-Match: <ETag>} of the manifest read for the next
 * ones. S3 checks the condition and writes in one request, so of two runs that read the same
 * manifest only one can replace it; the other gets 412 Precondition Failed (or 409 when the
 * writes collide) and commits nothing.
 *
 * <pre>{@code
 * // registered in META-INF/services/org.datamesh.core.publish.ManifestStore; the commit finds it
 * ManifestStore.forScheme("s3");
 * }</pre>
 *
 * <p>The client is built from the run's Beam S3 options (region, endpoint, credentials, the
 * client factory), as Beam's S3 file system builds its own. Servers must implement conditional
 * writes as Amazon S3 does since November 2024; one that ignores the headers (S3Proxy 2.6, for
 * one) gives no protection, which this class cannot detect.
 */
public final class S3ManifestStore implements ManifestStore {

  @Override
  public boolean handles(String scheme) {
    return "s3".equals(scheme);
  }

  @Override
  public Optional<Stored> read(ResourceId file, PipelineOptions options) throws IOException {
    Location at = Location.of(file);
    try (S3Client s3 = client(options)) {
      ResponseBytes<GetObjectResponse> object =
          s3.getObjectAsBytes(GetObjectRequest.builder().bucket(at.bucket()).key(at.key()).build());
      return Optional.of(new Stored(object.asByteArray(), object.response().eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      throw new IOException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void replace(
      ResourceId file, @Nullable String expected, byte[] content, PipelineOptions options)
      throws IOException {
    Location at = Location.of(file);
    // The SDK this Beam brings (2.20) predates the ifMatch/ifNoneMatch setters: send the headers.
    PutObjectRequest request =
        PutObjectRequest.builder()
            .bucket(at.bucket())
            .key(at.key())
            .contentType("application/json")
            .overrideConfiguration(
                c -> {
                  if (expected == null) {
                    c.putHeader("If-None-Match", "*");
                  } else {
                    c.putHeader("If-Match", expected);
                  }
                })
            .build();
    try (S3Client s3 = client(options)) {
      s3.putObject(request, RequestBody.fromBytes(content));
    } catch (S3Exception e) {
      if (e.statusCode() == 412 || e.statusCode() == 409) {
        throw new ManifestChangedException(file.toString(), e);
      }
      throw new IOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private static S3Client client(PipelineOptions options) {
    S3Options s3 = options.as(S3Options.class);
    return InstanceBuilder.ofType(S3ClientBuilderFactory.class)
        .fromClass(s3.getS3ClientFactoryClass())
        .build()
        .createBuilder(s3)
        .build();
  }

  /** {@code s3://bucket/key}. */
  private record Location(String bucket, String key) {
    static Location of(ResourceId file) {
      String name = file.toString();
      String rest = name.substring(name.indexOf("://") + 3);
      int slash = rest.indexOf('/');
      return new Location(rest.substring(0, slash), rest.substring(slash + 1));
    }
  }
}
