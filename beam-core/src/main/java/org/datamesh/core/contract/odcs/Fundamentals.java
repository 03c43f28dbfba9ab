package org.datamesh.core.contract.odcs;

import java.util.Set;

/**
 * The contract's top level: what it is ({@code apiVersion}, {@code kind}, {@code id}, {@code
 * version}, {@code status}), what it is about ({@code name}, {@code domain}, {@code dataProduct},
 * {@code tenant}, {@code tags}, {@code description}), and every other section by its key.
 *
 * <pre>{@code
 * apiVersion: v3.1.0
 * kind: DataContract
 * id: 53581432-6c55-4ba2-a65f-72344a91553a
 * version: 1.0.0
 * status: active
 * name: orders
 * domain: sales
 * description:
 *   purpose: Every order placed in the web shop.
 * }</pre>
 *
 * <p>The ODCS v3.1.0 schema also lists the v2.2 versions as {@code apiVersion}; they are refused
 * here, because an ODCS v2 contract is shaped differently (a {@code dataset} of {@code columns})
 * and would be checked, and read, as something it is not.
 */
final class Fundamentals {

  static final String[] API_VERSIONS = {"v3.1.0", "v3.0.2", "v3.0.1", "v3.0.0"};

  private static final Set<String> VERSION_2 = Set.of("v2.2.2", "v2.2.1", "v2.2.0");

  private static final Check API_VERSION =
      (value, where, report) -> {
        if (value.isTextual() && VERSION_2.contains(value.textValue())) {
          report.add(
              where,
              "names ODCS v2, whose contracts are shaped differently; datamesh-beam reads ODCS v3:"
                  + " write one of " + String.join(", ", API_VERSIONS) + " (and the v3 sections)");
        } else {
          Values.oneOf(API_VERSIONS).check(value, where, report);
        }
      };

  /** {@code description}: ODCS leaves it open to keys of one's own. */
  private static final ObjectShape DESCRIPTION =
      ObjectShape.open("a description")
          .optional("purpose", Values.STRING)
          .optional("limitations", Values.STRING)
          .optional("usage", Values.STRING)
          .optional("authoritativeDefinitions", CommonShapes.AUTHORITATIVE_DEFINITIONS)
          .optional("customProperties", CommonShapes.CUSTOM_PROPERTIES);

  static final ObjectShape CONTRACT =
      ObjectShape.closed("a data contract")
          .required("apiVersion", API_VERSION)
          .required("kind", Values.oneOf("DataContract"))
          .required("id", Values.STRING)
          .required("version", Values.STRING)
          .required("status", Values.STRING)
          .optional("name", Values.STRING)
          .optional("domain", Values.STRING)
          .optional("dataProduct", Values.STRING)
          .optional("tenant", Values.STRING)
          .optional("tags", CommonShapes.TAGS)
          .optional("description", DESCRIPTION)
          .optional("contractCreatedTs", Formats.DATE_TIME)
          .optional("schema", SchemaObjects.LIST)
          .optional("servers", Servers.LIST)
          .optional("team", Team.CHECK)
          .optional("roles", Roles.LIST)
          .optional("support", Support.LIST)
          .optional("price", Pricing.PRICE)
          .optional("slaProperties", ServiceLevels.LIST)
          .optional("slaDefaultElement", Values.STRING)
          .optional("authoritativeDefinitions", CommonShapes.AUTHORITATIVE_DEFINITIONS)
          .optional("customProperties", CommonShapes.CUSTOM_PROPERTIES);

  private Fundamentals() {}
}
