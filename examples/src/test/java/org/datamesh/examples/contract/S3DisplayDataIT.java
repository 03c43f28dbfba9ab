package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.examples.demo.OrdersSampleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline {@code run} builds for an S3 output, from options parsed as the command line
 * parses them, holds the secret in no display data: neither the options' (which list every option
 * set on the command line) nor any transform's.
 */
class S3DisplayDataIT {

  @RegisterExtension
  static final S3Server S3 = new S3Server(S3RunIT.ACCESS_KEY_ID, S3RunIT.SECRET);

  @TempDir Path dir;

  @Test
  void noDisplayDataHoldsTheSecret() throws Exception {
    Path input = dir.resolve("orders.csv");
    OrdersSampleGenerator.write(input, 20, 3);
    try (S3Store store = new S3Store(S3.endpoint(), S3RunIT.ACCESS_KEY_ID, S3RunIT.SECRET)) {
      store.createBucket("lake");
    }
    RunOptions options = S3RunIT.directRunOptions(S3);
    ContractFile file = ContractFile.of(OrdersContract.write(dir, "orders.yaml").toString());
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(
        "Product",
        DataProductPipeline.of(file.spec(file.load(), RecordFormat.Kind.CSV))
            .from(input.toString())
            .to("s3://lake/mesh"));

    List<DisplayData.Item> items = new ArrayList<>(DisplayData.from(options).items());
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
            if (node.getTransform() != null) {
              items.addAll(DisplayData.from(node.getTransform()).items());
            }
            return CompositeBehavior.ENTER_TRANSFORM;
          }

          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            items.addAll(DisplayData.from(node.getTransform()).items());
          }
        });

    for (DisplayData.Item item : items) {
      assertThat(item.toString(), not(containsString(S3RunIT.SECRET)));
    }
    assertThat(options.toString(), not(containsString(S3RunIT.SECRET)));
    // Beam lists the credentials option as the AWS SDK prints the provider: the access key id
    // is there (it identifies the key, it does not grant access), the secret is not.
    assertThat(
        items.stream()
            .filter(i -> i.getKey().equals("awsCredentialsProvider"))
            .map(i -> String.valueOf(i.getValue()))
            .toList(),
        equalTo(
            List.of(
                "StaticCredentialsProvider(credentials=AwsCredentials(accessKeyId="
                    + S3RunIT.ACCESS_KEY_ID + "))")));
    assertThat(
        "the transforms' display data was collected too",
        items.stream().filter(i -> String.valueOf(i.getValue()).equals("s3://lake/mesh")).count(),
        greaterThan(0L));
  }
}
