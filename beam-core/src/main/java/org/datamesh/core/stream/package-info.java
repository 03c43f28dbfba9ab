/**
 * Products built from an unbounded stream: Kafka messages in ({@link
 * org.datamesh.core.stream.KafkaMessages}), the record path, cross-window deduplication and
 * per-window counts ({@link org.datamesh.core.stream.StreamDataProduct}), and topics out ({@link
 * org.datamesh.core.stream.ToKafka}).
 */
package org.datamesh.core.stream;
