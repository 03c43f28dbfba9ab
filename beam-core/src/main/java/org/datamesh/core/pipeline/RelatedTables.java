package org.datamesh.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.protect.ProtectFailures;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.read.ReadDataProduct;
import org.datamesh.core.relate.CheckRelationship;
import org.datamesh.core.relate.Relationship;
import org.datamesh.core.relate.UnpublishedProductException;

/**
 * The relationships of a product's run, applied between building each table and publishing it:
 * each referencing table's rows are checked against the rows its relationships reference, its
 * orphans joined to its failures (protected like them), then its dataset checks run on what is
 * left. Tables referenced within the product are checked first, so a line of an order that was
 * itself quarantined as an orphan is an orphan too.
 */
final class RelatedTables {

  private final List<Relationship> relationships;
  private final String outputRoot;
  private final DataProduct product;

  private RelatedTables(List<Relationship> relationships, String outputRoot, DataProduct product) {
    this.relationships = relationships;
    this.outputRoot = outputRoot;
    this.product = product;
  }

  static RelatedTables of(List<Relationship> relationships, String outputRoot, DataProduct product) {
    return new RelatedTables(relationships, outputRoot, product);
  }

  /** The relationships whose referencing table is {@code table}, in the order given. */
  List<Relationship> startingAt(String table) {
    return relationships.stream().filter(r -> r.fromTable().equals(table)).toList();
  }

  /**
   * Each table's records with its relationships checked, in the order of {@code tables}. {@code
   * built} holds each table's records before: deduplicated and protected, with dataset checks
   * only for tables without relationships.
   */
  List<ProductRecords> check(
      PBegin begin,
      List<ProductSpec> tables,
      Map<String, ProductRecords> built,
      Map<String, Integer> shards,
      Function<String, String> prefix) {
    Map<String, ProductSpec> specs = new LinkedHashMap<>();
    tables.forEach(spec -> specs.put(spec.tableName(), spec));
    Map<String, ProductRecords> done = new LinkedHashMap<>();
    for (String table : order(specs.keySet())) {
      List<Relationship> own = startingAt(table);
      if (own.isEmpty()) {
        done.put(table, built.get(table));
        continue;
      }
      ProductSpec spec = specs.get(table);
      ProductRecords records = built.get(table);
      String name = prefix.apply(table);
      PCollection<Row> rows = records.published();
      PCollectionList<Failure> failures = PCollectionList.of(records.failures());
      PCollectionList<KV<String, Long>> warnings = PCollectionList.of(records.warningCounts());
      for (int i = 0; i < own.size(); i++) {
        Relationship relationship = own.get(i);
        String step = name + "Relationship" + (own.size() == 1 ? "" : String.valueOf(i + 1));
        PCollection<Row> referenced = referenced(begin, step, relationship, built, done);
        StageResult result =
            rows.apply(
                step,
                CheckRelationship.of(relationship, referenced)
                    .forProduct(product.id())
                    .withShards(shards.get(table)));
        rows = result.rows();
        PCollection<Failure> orphans = result.failures();
        if (spec.failureKeys() != null) {
          orphans = orphans.apply(step + ".Protect", ProtectFailures.with(spec.failureKeys()));
        }
        failures = failures.and(orphans);
        warnings = warnings.and(result.warningCounts());
      }
      ProductRecords checked =
          ProductRecords.of(
                  records.inputCount(),
                  rows,
                  failures.apply(name + "AllFailures", Flatten.pCollections()),
                  records.duplicates())
              .withWarningCounts(
                  warnings
                      .apply(name + "AllWarnings", Flatten.pCollections())
                      .apply(name + "WarningsPerRule", Sum.longsPerKey()))
              .named(table);
      if (!records.uniqueKey().isEmpty()) {
        checked = checked.withUniqueKey(records.uniqueKey()); // orphans out, keys still unique
      }
      if (spec.checks() != null) {
        checked = checked.checkedBy(name + "DatasetChecks", spec.checks());
      }
      done.put(table, checked);
    }
    return tables.stream().map(spec -> done.get(spec.tableName())).toList();
  }

  /**
   * The rows {@code relationship} references: a published product's table read through its
   * manifest, or a table of this product, as published by this run when already checked (else, in
   * a cycle or for a table referencing itself, as built).
   */
  private PCollection<Row> referenced(
      PBegin begin,
      String step,
      Relationship relationship,
      Map<String, ProductRecords> built,
      Map<String, ProductRecords> done) {
    if (relationship.referencesPublished()) {
      String directory = productDirectory(relationship);
      return begin.apply(
          step + ".Read", ReadDataProduct.from(directory).table(relationship.toTable()));
    }
    ProductRecords target = done.getOrDefault(relationship.toTable(), built.get(relationship.toTable()));
    return target.published();
  }

  /**
   * Where the referenced product is published: its folder as given when absolute, else under the
   * output root. Throws when no manifest is there, while the pipeline is being built.
   */
  String productDirectory(Relationship relationship) {
    String given = relationship.toProduct();
    ResourceId directory =
        given.startsWith("/") || given.contains("://")
            ? FileSystems.matchNewResource(given, true)
            : FileSystems.matchNewResource(outputRoot, true)
                .resolve(given, StandardResolveOptions.RESOLVE_DIRECTORY);
    try {
      if (Manifest.readIfPresent(directory).isEmpty()) {
        throw new UnpublishedProductException(relationship, directory.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the manifest of " + directory + ", referenced by " + relationship + ", could not be read",
          e);
    }
    return directory.toString();
  }

  /**
   * The tables in an order where each comes after the tables its relationships reference, as far
   * as cycles allow (a table in a cycle keeps its place among the rest).
   */
  private List<String> order(Set<String> tables) {
    Set<String> ordered = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String table : tables) {
      visit(table, tables, ordered, visiting);
    }
    return new ArrayList<>(ordered);
  }

  private void visit(String table, Set<String> tables, Set<String> ordered, Set<String> visiting) {
    if (ordered.contains(table) || !visiting.add(table)) {
      return;
    }
    for (Relationship relationship : startingAt(table)) {
      if (!relationship.referencesPublished() && tables.contains(relationship.toTable())) {
        visit(relationship.toTable(), tables, ordered, visiting);
      }
    }
    ordered.add(table);
  }
}
