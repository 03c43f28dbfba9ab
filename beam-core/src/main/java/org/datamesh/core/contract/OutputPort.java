package org.datamesh.core.contract;

import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a product is published, from one ODCS {@code servers} entry.
 *
 * <pre>{@code
 * // servers: [{server: lake, type: s3, location: "s3://bucket/sales/orders", format: parquet}]
 * port.type();    // "s3"
 * port.path();    // "s3://bucket/sales/orders"
 * }</pre>
 *
 * @param server the server's name
 * @param type {@code local}, {@code s3}, {@code kafka}, or another ODCS server type
 * @param path a local server's {@code path} or an S3 server's {@code location}
 * @param format {@code parquet}, {@code avro}, {@code json}, ...
 * @param topic for Kafka, the schema object's {@code physicalName} (or its name)
 * @param host a Kafka server's bootstrap servers
 * @param environment {@code prod}, {@code dev}, ...
 */
public record OutputPort(
    String server,
    String type,
    @Nullable String path,
    @Nullable String format,
    @Nullable String topic,
    @Nullable String host,
    @Nullable String environment)
    implements Serializable {}
