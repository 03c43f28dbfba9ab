package org.datamesh.core.contract.odcs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What each ODCS server type adds to a server: the keys it requires ({@code needs}) and those it
 * allows ({@code may}).
 *
 * <pre>{@code
 * servers:
 *   - server: warehouse
 *     type: postgres
 *     host: db.example.com     # postgres needs host, port, database and schema
 *     port: 5432
 *     database: sales
 *     schema: public
 * }</pre>
 *
 * <p>A key means the same in every type: {@code port} is a whole number, {@code location} and
 * {@code endpointUrl} are absolute URIs, every other key is a string. Two exceptions: Athena's
 * {@code stagingDir} is a URI too, and an SFTP {@code location} starts with {@code sftp://}.
 */
final class ServerTypes {

  private static final Map<String, ObjectShape> TYPES = new LinkedHashMap<>();

  static {
    type("api").needs("location");
    type("athena").needs("stagingDir", "schema").may("catalog", "regionName");
    type("azure").needs("location", "format").may("delimiter");
    type("bigquery").needs("project", "dataset");
    type("clickhouse").needs("host", "port", "database");
    type("databricks").needs("catalog", "schema").may("host");
    type("denodo").needs("host", "port").may("database");
    type("dremio").needs("host", "port").may("schema");
    type("duckdb").needs("database").may("schema");
    type("glue").needs("account", "database").may("location", "format");
    type("cloudsql").needs("host", "port", "database", "schema");
    type("db2").needs("host", "port", "database").may("schema");
    for (String hostAndDatabase : new String[] {"hive", "impala", "informix", "zen"}) {
      type(hostAndDatabase).needs("host", "database").may("port");
    }
    type("custom")
        .may("account", "catalog", "database", "dataset", "delimiter", "endpointUrl", "format")
        .may("host", "location", "path", "port", "project", "region", "regionName", "schema")
        .may("serviceName", "stagingDir", "warehouse", "stream");
    type("kafka").needs("host").may("format");
    type("kinesis").may("region", "format");
    type("local").needs("path", "format");
    type("mysql").needs("host", "port", "database");
    type("oracle").needs("host", "port", "serviceName");
    type("postgresql").needs("host", "port", "database", "schema");
    type("postgres").needs("host", "port", "database", "schema");
    type("presto").needs("host").may("catalog", "schema");
    type("pubsub").needs("project");
    type("redshift").needs("database", "schema").may("host", "region", "account");
    type("s3").needs("location").may("endpointUrl", "format", "delimiter");
    type("sftp").needs("location").may("format", "delimiter");
    type("snowflake").needs("account", "database", "schema").may("host", "port", "warehouse");
    type("sqlserver").needs("host", "database", "schema").may("port");
    type("synapse").needs("host", "port", "database");
    type("trino").needs("host", "port", "catalog", "schema");
    type("vertica").needs("host", "port", "database", "schema");
  }

  private ServerTypes() {}

  /** Every server type ODCS names, in the order listed here. */
  static String[] names() {
    return TYPES.keySet().toArray(new String[0]);
  }

  /** The keys {@code type} adds to a server, or null for a type ODCS does not name. */
  static @Nullable ObjectShape keysOf(String type) {
    return TYPES.get(type);
  }

  private static Entry type(String type) {
    TYPES.put(type, ObjectShape.closed("a server of type " + type));
    return new Entry(type);
  }

  /** Adds keys to one type's shape as the table above is read. */
  private static final class Entry {
    private final String type;

    Entry(String type) {
      this.type = type;
    }

    Entry needs(String... keys) {
      for (String key : keys) {
        TYPES.put(type, TYPES.get(type).required(key, check(key)));
      }
      return this;
    }

    Entry may(String... keys) {
      for (String key : keys) {
        TYPES.put(type, TYPES.get(type).optional(key, check(key)));
      }
      return this;
    }

    private Check check(String key) {
      if ("sftp".equals(type) && "location".equals(key)) {
        return Formats.SFTP_URI;
      }
      if ("athena".equals(type) && "stagingDir".equals(key)) {
        return Formats.ABSOLUTE_URI;
      }
      switch (key) {
        case "port":
          return Values.INTEGER;
        case "location":
        case "endpointUrl":
          return Formats.ABSOLUTE_URI;
        default:
          return Values.STRING;
      }
    }
  }
}
