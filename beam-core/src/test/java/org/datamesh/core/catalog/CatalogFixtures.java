package org.datamesh.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.publish.Manifest;

/** A small contract with an owner, a classified column and service levels, and its manifests. */
public final class CatalogFixtures {

  public static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: crm-contacts-1
      version: 2.1.0
      status: active
      domain: crm
      dataProduct: contacts
      description:
        purpose: Every contact of the CRM, one row per contact.
      team:
        name: crm-team
      schema:
        - name: contacts
          description: Contacts, cleansed.
          properties:
            - name: contact_id
              logicalType: string
              required: true
              primaryKey: true
            - name: email
              logicalType: string
              classification: restricted
            - name: age
              logicalType: integer
              description: Age in years.
      slaProperties:
        - property: freshness
          value: 1
          unit: h
          driver: operational
        - property: latency
          value: 30
          unit: m
          driver: analytics
        - property: retention
          value: 30
          unit: d
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogFixtures() {}

  public static DataContract contract() throws Exception {
    return ContractLoader.parse(CONTRACT, "contacts.yaml");
  }

  /** A manifest of the contacts product, committed at {@code committedAt} by {@code runId}. */
  public static Manifest manifest(String domain, String name, String runId, String committedAt) {
    Manifest.Counts counts = new Manifest.Counts(5, 3, 1, 1);
    Manifest.Quality quality =
        new Manifest.Quality(Map.of("VALIDATE", 1L), Map.of("email.format", 1L), Map.of());
    Manifest.Table table =
        new Manifest.Table(
            "contacts",
            List.of(
                new Manifest.Column("contact_id", "VARCHAR", false),
                new Manifest.Column("email", "VARCHAR", true),
                new Manifest.Column("age", "BIGINT", true)),
            List.of("runs/" + runId + "/contacts/part-0.parquet"),
            List.of("quarantine/" + runId + "/contacts/part-0.parquet"),
            counts,
            quality);
    return new Manifest(
        2, domain + "." + name, domain, name, "2.1.0", runId, committedAt, List.of(table), counts,
        quality, List.of());
  }

  /** Writes {@code manifest} (and {@code facts} when not null) into {@code output}. */
  public static Path publish(Path output, Manifest manifest, ProductFacts facts)
      throws IOException {
    Path directory = output.resolve(manifest.domain()).resolve(manifest.name());
    Files.createDirectories(directory);
    Files.write(directory.resolve(Manifest.FILE_NAME), JSON.writeValueAsBytes(manifest));
    if (facts != null) {
      Files.write(directory.resolve(ProductFacts.FILE_NAME), ProductFacts.JSON.writeValueAsBytes(facts));
    }
    return directory;
  }
}
