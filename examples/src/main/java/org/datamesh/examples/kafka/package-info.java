/** {@code datamesh ingest-log}: a log file's lines sent to a Kafka topic, none lost, in order. */
package org.datamesh.examples.kafka;
