package org.datamesh.pipelines.mesh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.relate.ContractRelationships;
import org.datamesh.rules.contract.ContractProducts;

/**
 * A source-aligned product of the mesh: a domain team's raw files, one file per table, published
 * as its contract declares, and nothing else (no Java of its own).
 *
 * <pre>{@code
 * SourceProduct customers =
 *     SourceProduct.of(ContractResource.load(".../crm-customers.odcs.yaml"))
 *         .reading("customers", "customers.csv", RecordFormat.Kind.CSV);
 * pipeline.apply(customers.pipeline("/samples", "/data/products", runId, keys));
 * }</pre>
 */
public final class SourceProduct implements MeshProduct {

  /** One table's input: a file name in the samples folder, and how it is laid out. */
  public record SourceFile(String fileName, RecordFormat.Kind format) {}

  private final DataContract contract;
  private final Map<String, SourceFile> files;

  private SourceProduct(DataContract contract, Map<String, SourceFile> files) {
    this.contract = contract;
    this.files = Map.copyOf(files);
  }

  public static SourceProduct of(DataContract contract) {
    return new SourceProduct(contract, Map.of());
  }

  /** Returns a product like this one but reading {@code table} from {@code fileName}. */
  public SourceProduct reading(String table, String fileName, RecordFormat.Kind format) {
    contract.table(table);
    Map<String, SourceFile> next = new LinkedHashMap<>(files);
    next.put(table, new SourceFile(fileName, format));
    return new SourceProduct(contract, next);
  }

  @Override
  public DataContract contract() {
    return contract;
  }

  /** The input of {@code table}. */
  public SourceFile file(String table) {
    SourceFile file = files.get(table);
    if (file == null) {
      throw new IllegalArgumentException(path() + " reads no file for the table " + table);
    }
    return file;
  }

  /**
   * The product's pipeline: every table read from its file in {@code samplesDirectory}, checked
   * (relationships to other products included, which must be published under {@code
   * outputRoot} already), and published under {@code outputRoot}.
   *
   * @param keys the keys protected columns are protected with; null when it protects none
   */
  @Override
  public DataProductPipeline pipeline(
      String samplesDirectory, String outputRoot, String runId, @Nullable DataKeys keys) {
    List<ProductSpec> specs = new ArrayList<>();
    try {
      for (ContractTable table : contract.tables()) {
        specs.add(ContractProducts.spec(contract, table, file(table.folder()).format(), keys));
      }
      DataProductPipeline product =
          DataProductPipeline.of(specs).withRelationships(ContractRelationships.of(contract));
      for (ContractTable table : contract.tables()) {
        product = product.from(table.folder(), location(samplesDirectory, table.folder()));
      }
      return product.to(outputRoot).withRunId(runId);
    } catch (ContractException e) {
      throw new IllegalStateException(path() + ": its contract cannot be built: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, String> inputs(String samplesDirectory, String outputRoot) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (ContractTable table : contract.tables()) {
      inputs.put(table.folder(), location(samplesDirectory, table.folder()));
    }
    return inputs;
  }

  private String location(String samplesDirectory, String table) {
    String folder = samplesDirectory.endsWith("/") ? samplesDirectory : samplesDirectory + "/";
    return folder + file(table).fileName();
  }
}
