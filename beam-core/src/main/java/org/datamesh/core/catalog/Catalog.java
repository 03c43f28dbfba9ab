package org.datamesh.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.datamesh.core.catalog.PromiseResult.Status;

/**
 * {@code <output>/catalog.json}: every product under an output, as people look for one: who owns
 * it, what it holds, how fresh and how good it is, and where its files are; and beside it {@code
 * <output>/index.html}, the same catalog as a page to search (see {@link CatalogPage}). Rebuilt
 * whole from what the output holds at each call, so products published by other runs stay listed
 * and a product whose folder was deleted disappears; each file replaced atomically, so a reader
 * never sees half.
 *
 * <pre>{@code
 * Catalog.refresh("/data/mesh");   // writes /data/mesh/catalog.json and /data/mesh/index.html
 * }</pre>
 *
 * <p>Links are relative to the catalog's folder, so the output can be moved or served as it is.
 */
public final class Catalog {

  /** The catalog's name inside the output. */
  public static final String FILE_NAME = "catalog.json";

  /** The format of the catalog, raised when fields change meaning. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Catalog() {}

  /**
   * Rebuilds {@code <output>/catalog.json} and its page {@code <output>/index.html} from the
   * products under {@code output}; returns the catalog's file.
   */
  public static ResourceId refresh(String output) throws IOException {
    Map<String, Object> catalog = build(PublishedProduct.under(output), Instant.now());
    ResourceId directory = PublishedProduct.outputDirectory(output);
    ResourceId target = directory.resolve(FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    OutputFiles.write(target, JSON.writeValueAsBytes(catalog));
    OutputFiles.write(
        directory.resolve(CatalogPage.FILE_NAME, StandardResolveOptions.RESOLVE_FILE),
        CatalogPage.render(catalog),
        CatalogPage.MIME_TYPE);
    return target;
  }

  /** The catalog of {@code scan}'s products as of {@code now}, as JSON-ready maps. */
  public static Map<String, Object> build(PublishedProduct.Scan scan, Instant now) {
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("catalogVersion", VERSION);
    catalog.put("generatedAt", now.toString());
    List<Map<String, Object>> products = new ArrayList<>();
    ServiceLevelCheck check = ServiceLevelCheck.at(now);
    Map<String, List<String>> feeds = new TreeMap<>();
    for (PublishedProduct product : scan.products()) {
      for (String input : product.facts().map(ProductFacts::builtFrom).orElse(List.of())) {
        feeds.computeIfAbsent(input, k -> new ArrayList<>()).add(product.manifest().product());
      }
    }
    for (PublishedProduct product : scan.products()) {
      List<String> fed = feeds.getOrDefault(product.manifest().product(), List.of());
      products.add(CatalogEntry.of(product, check.check(product), fed.stream().sorted().toList(), now));
    }
    catalog.put("products", products);
    catalog.put("unreadable", scan.unreadable());
    return catalog;
  }

  /**
   * The catalog's word for a product's freshness: {@code fresh} or {@code stale} against the
   * contract's freshness promise, {@code unknown} when there is none or it cannot be measured.
   */
  static String freshness(List<PromiseResult> results) {
    for (PromiseResult result : results) {
      if (result.property().equals("freshness")) {
        return result.status() == Status.MET
            ? "fresh"
            : result.status() == Status.BROKEN ? "stale" : "unknown";
      }
    }
    return "unknown";
  }
}
