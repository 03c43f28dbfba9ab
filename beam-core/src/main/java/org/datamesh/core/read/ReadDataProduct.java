package org.datamesh.core.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.ReadableFileCoder;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.ManifestTypes;

/**
 * Reads one table of a published product the way consumers should: through the manifest in force
 * when the pipeline is built (one committed version, never a half-written run), with the schema the
 * manifest gives, and, as a role, only the columns and rows the role may read.
 *
 * <pre>{@code
 * PCollection<Row> customers =
 *     pipeline.apply(
 *         ReadDataProduct.from("/data/products/crm/customers")
 *             .as(RoleAccess.named("marketing").readingOnly("customer_id", "city").masking("phone"))
 *             .withKeys(keys));       // only for columns read in clear
 * }</pre>
 *
 * <p>Columns the role may not read are left out of the Parquet projection, so they are never read
 * from disk; columns a row filter needs are read for it and dropped after. Masked columns become
 * text masked as the {@code mask} protection does; columns read in clear are decrypted (text)
 * with the keyset given. A product of several tables is read one table at a time ({@link
 * #table}).
 *
 * <p>What this enforces is what consumers read through it: whoever can read the files can read
 * every column as published. Protection at publication (tokens, ciphertexts) is what holds
 * against them; the reader adds the per-role view on top.
 */
public final class ReadDataProduct extends PTransform<PBegin, PCollection<Row>> {

  private final String productDirectory;
  private final @Nullable String table;
  private final @Nullable RoleAccess role;
  private final @Nullable DataKeys keys;

  private ReadDataProduct(
      String productDirectory, @Nullable String table, @Nullable RoleAccess role, @Nullable DataKeys keys) {
    this.productDirectory = productDirectory;
    this.table = table;
    this.role = role;
    this.keys = keys;
  }

  /** Reads the product published in {@code productDirectory} ({@code <output>/<domain>/<product>}). */
  public static ReadDataProduct from(String productDirectory) {
    return new ReadDataProduct(productDirectory, null, null, null);
  }

  /** Returns a reader like this one but reading the table called {@code table}. */
  public ReadDataProduct table(String table) {
    return new ReadDataProduct(productDirectory, table, role, keys);
  }

  /** Returns a reader like this one but reading only what {@code role} may read. */
  public ReadDataProduct as(RoleAccess role) {
    return new ReadDataProduct(productDirectory, table, role, keys);
  }

  /** Returns a reader like this one but decrypting the role's clear columns with {@code keys}. */
  public ReadDataProduct withKeys(DataKeys keys) {
    return new ReadDataProduct(productDirectory, table, role, keys);
  }

  @Override
  public PCollection<Row> expand(PBegin begin) {
    FileSystems.setDefaultPipelineOptions(begin.getPipeline().getOptions());
    ResourceId directory = FileSystems.matchNewResource(productDirectory, true);
    Manifest manifest;
    try {
      manifest = Manifest.read(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("no readable manifest in " + productDirectory, e);
    }
    Manifest.Table published = table == null ? manifest.onlyTable() : manifest.table(table);
    Schema schema = ManifestTypes.schemaOf(published.schema());
    RoleAccess access = role == null ? RoleAccess.named("everyone") : role;
    check(access, schema);

    Schema read = select(schema, access, true);
    Schema output = outputSchema(select(schema, access, false), access);
    List<String> files = new ArrayList<>();
    for (String file : published.files()) {
      files.add(directory.resolve(file, StandardResolveOptions.RESOLVE_FILE).toString());
    }
    return begin
        .apply("ManifestFiles", Create.of(files))
        .apply("Match", FileIO.matchAll())
        .apply("Open", FileIO.readMatches())
        .apply("RowGroups", ParDo.of(new ReadParquetFn.RowGroups()))
        .setCoder(KvCoder.of(ReadableFileCoder.of(), VarIntCoder.of()))
        // Spread the row groups over the workers: without it they stay with the worker that
        // listed their file.
        .apply("SpreadRowGroups", Reshuffle.viaRandomKey())
        .apply("ReadParquet", ParDo.of(new ReadParquetFn(read)))
        .setRowSchema(read)
        .apply("AsRole", ParDo.of(new RoleRowsFn(read, output, access, keys)))
        .setRowSchema(output);
  }

  private void check(RoleAccess access, Schema schema) {
    for (String column : access.namedColumns()) {
      if (!schema.hasField(column)) {
        throw new IllegalArgumentException(
            "role " + access.name() + " names " + column + ", which the table does not have"
                + " (columns: " + schema.getFieldNames() + ")");
      }
    }
    if (!access.clearColumns().isEmpty() && keys == null) {
      throw new IllegalArgumentException(
          "role " + access.name() + " reads " + access.clearColumns()
              + " in clear, which needs the keyset: withKeys(...)");
    }
    if (access.rowFilter() != null) {
      access.rowFilter().compile(select(schema, access, true));
    }
  }

  /**
   * The table's columns the role reads, in order; with {@code forFilter}, also those its filter
   * names (a name that is no column is left to the filter's own check).
   */
  private static Schema select(Schema schema, RoleAccess access, boolean forFilter) {
    Schema.Builder selected = Schema.builder();
    for (Field field : schema.getFields()) {
      boolean filtered =
          forFilter && access.rowFilter() != null && access.rowFilter().columns().contains(field.getName());
      if (access.reads(field.getName()) || filtered) {
        selected.addField(field);
      }
    }
    return selected.build();
  }

  private static Schema outputSchema(Schema visible, RoleAccess access) {
    Schema.Builder output = Schema.builder();
    for (Field field : visible.getFields()) {
      boolean asText =
          access.maskedColumns().contains(field.getName())
              || access.clearColumns().contains(field.getName());
      output.addField(
          asText
              ? Field.of(field.getName(), FieldType.STRING.withNullable(field.getType().getNullable()))
              : field);
    }
    return output.build();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("product", productDirectory).withLabel("Product"))
        .addIfNotNull(DisplayData.item("table", table).withLabel("Table"))
        .addIfNotNull(DisplayData.item("role", role == null ? null : role.name()).withLabel("Role"))
        .addIfNotNull(
            DisplayData.item(
                    "rowFilter",
                    role == null || role.rowFilter() == null ? null : role.rowFilter().describe())
                .withLabel("Row filter"));
  }
}
