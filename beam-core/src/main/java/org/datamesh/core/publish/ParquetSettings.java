package org.datamesh.core.publish;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop {@link Configuration} handed to parquet-java's readers and writers: only the Parquet
 * settings given, without Hadoop's {@code core-default.xml} and {@code core-site.xml}.
 *
 * <p>Why not a plain {@code Configuration}: a plain one parses Hadoop's default XML files whenever
 * it is created, and Beam's {@code ParquetIO} (which a user may still use beside the library)
 * rebuilds its configuration through the no-argument constructor on every deserialization. The
 * Direct runner deserializes a step's DoFn for every bundle, so a product reading or writing
 * Parquet that way parsed them hundreds of times: a 30-row consumer product spent two thirds of
 * its 16 s there (JFR). Parquet reads its own settings with defaults in code, and the library
 * reads and writes through Beam's file channels ({@link ChannelInputFile}, {@link
 * ChannelOutputFile}), never through a Hadoop file system, so nothing in the defaults is needed.
 * Public, with a public constructor, so that a deserializer can create it reflectively.
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
