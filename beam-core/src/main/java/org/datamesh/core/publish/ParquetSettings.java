package org.datamesh.core.publish;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop {@link Configuration} handed to Beam's {@code ParquetIO}: only the Parquet settings
 * given, without Hadoop's {@code core-default.xml} and {@code core-site.xml}.
 *
 * <p>Why not a plain {@code Configuration}: ParquetIO keeps it in a {@code SerializableConfiguration},
 * which rebuilds it on deserialization through the class's no-argument constructor, and a plain
 * {@code Configuration} then parses Hadoop's default XML files again. The Direct runner
 * deserializes a step's DoFn for every bundle, so a product reading or writing Parquet parsed them
 * hundreds of times: a 30-row consumer product spent two thirds of its 16 s there (JFR). Parquet
 * reads its own settings with defaults in code and ParquetIO writes through Beam's file channels,
 * never through a Hadoop file system, so nothing in the defaults is needed. Public, with a public
 * constructor, because the deserializer creates it reflectively.
 */
public final class ParquetSettings extends Configuration {

  /** Empty: no Hadoop defaults. The constructor deserialization uses. */
  public ParquetSettings() {
    super(false);
  }

  /** A configuration holding exactly {@code settings}. */
  public static ParquetSettings of(Map<String, String> settings) {
    ParquetSettings configuration = new ParquetSettings();
    settings.forEach(configuration::set);
    return configuration;
  }
}
