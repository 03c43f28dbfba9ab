package org.datamesh.examples.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Two small products for the catalog, lineage and SLA tests, and their input. */
public final class CatalogProducts {

  /** Contacts of the CRM: owner, a restricted email column, a freshness promise (FRESHNESS). */
  public static final String CONTACTS =
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
              quality:
                - metric: nullValues
                  mustBeLessOrEqualTo: 5
      slaProperties:
        - property: freshness
          FRESHNESS
      """;

  /** Leads of sales: no classified column, no promise. */
  public static final String LEADS =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: sales-leads-1
      version: 1.0.0
      status: active
      domain: sales
      dataProduct: leads
      team:
        name: sales-team
      schema:
        - name: leads
          properties:
            - name: lead_id
              logicalType: string
              required: true
            - name: score
              logicalType: integer
      """;

  /** Personal values of the contacts' input; none may appear in catalog or lineage files. */
  public static final String[] PERSONAL = {"ada.lovelace@example.com", "grace.hopper@example.com"};

  private CatalogProducts() {}

  /** The contacts contract with {@code freshness} as its promise's value, unit and driver. */
  public static Path contacts(Path dir, String freshness) throws IOException {
    Files.writeString(
        dir.resolve("contacts.csv"),
        "contact_id,email,age\nC1,ada.lovelace@example.com,36\nC2,grace.hopper@example.com,x\n"
            + "C3,,51\n");
    return Files.writeString(
        dir.resolve("contacts.yaml"), CONTACTS.replace("FRESHNESS", freshness.replace("\n", "\n    ")));
  }

  public static Path leads(Path dir) throws IOException {
    Files.writeString(dir.resolve("leads.csv"), "lead_id,score\nL1,5\nL2,7\n");
    return Files.writeString(dir.resolve("leads.yaml"), LEADS);
  }
}
