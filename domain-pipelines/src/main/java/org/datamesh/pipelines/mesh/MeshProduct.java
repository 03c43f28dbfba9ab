package org.datamesh.pipelines.mesh;

import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.protect.DataKeys;

/**
 * One product of the mesh, as the mesh builds it: from raw files ({@link SourceProduct}) or from
 * other products ({@link MeshConsumer}).
 */
public interface MeshProduct {

  /** The contract it is published by. */
  DataContract contract();

  /** {@code domain/product}: where it is published under the output root. */
  default String path() {
    return contract().domain() + "/" + contract().productName();
  }

  /**
   * Its pipeline, publishing under {@code outputRoot}.
   *
   * @param samplesDirectory where the raw files of source products are
   * @param keys the keys protected columns are protected with; null when it protects none
   */
  DataProductPipeline pipeline(
      String samplesDirectory, String outputRoot, String runId, @Nullable DataKeys keys);

  /** What it reads, by name (a table, or a product's table), for lineage. */
  Map<String, String> inputs(String samplesDirectory, String outputRoot);
}
