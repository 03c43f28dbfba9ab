package org.datamesh.core.failure;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.schemas.SchemaProvider;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Gives {@link Failure} its Beam schema ({@link FailureRows#SCHEMA}) and coder. */
public final class FailureSchemaProvider implements SchemaProvider {

  private static final TypeDescriptor<Failure> FAILURE = TypeDescriptor.of(Failure.class);

  @Override
  public <T> @Nullable Schema schemaFor(TypeDescriptor<T> typeDescriptor) {
    return isFailure(typeDescriptor) ? FailureRows.SCHEMA : null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> @Nullable SerializableFunction<T, Row> toRowFunction(
      TypeDescriptor<T> typeDescriptor) {
    return isFailure(typeDescriptor)
        ? (SerializableFunction<T, Row>) (SerializableFunction<Failure, Row>) FailureRows::toRow
        : null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> @Nullable SerializableFunction<Row, T> fromRowFunction(
      TypeDescriptor<T> typeDescriptor) {
    return isFailure(typeDescriptor)
        ? (SerializableFunction<Row, T>) (SerializableFunction<Row, Failure>) FailureRows::fromRow
        : null;
  }

  /**
   * The coder of {@code PCollection<Failure>}: the failure's schema, not Java serialization. Set it
   * explicitly on a multi-output step's failures: Beam infers a schema for a main output's type but
   * falls back to {@code SerializableCoder} for additional outputs, and on Flink that cost the
   * orders product a Java serialization round trip per failure.
   */
  public static SchemaCoder<Failure> coder() {
    return SchemaCoder.of(
        FailureRows.SCHEMA, FAILURE, FailureRows::toRow, FailureRows::fromRow);
  }

  private static boolean isFailure(TypeDescriptor<?> typeDescriptor) {
    return FAILURE.isSupertypeOf(typeDescriptor);
  }
}
