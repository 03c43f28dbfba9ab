package org.datamesh.examples.contract;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The test's own view of an S3-compatible server, through the AWS SDK rather than Beam: it makes
 * buckets and reads back what the command line published, so the check does not go through the
 * code it checks.
 */
final class S3Store implements AutoCloseable {

  private final S3Client client;

  S3Store(URI endpoint, String accessKeyId, String secretAccessKey) {
    client =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
            .build();
  }

  void createBucket(String bucket) {
    client.createBucket(b -> b.bucket(bucket));
  }

  /** Writes {@code bytes} as the object {@code key}. */
  void put(String bucket, String key, byte[] bytes) {
    client.putObject(
        b -> b.bucket(bucket).key(key),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
  }

  /** Every key in {@code bucket} under {@code prefix}, sorted. */
  List<String> keys(String bucket, String prefix) {
    return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .sorted()
        .toList();
  }

  byte[] read(String bucket, String key) {
    return client
        .getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toBytes())
        .asByteArray();
  }

  /** Copies the object to {@code file}, creating its folders. */
  void download(String bucket, String key, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, read(bucket, key));
  }

  @Override
  public void close() {
    client.close();
  }
}
