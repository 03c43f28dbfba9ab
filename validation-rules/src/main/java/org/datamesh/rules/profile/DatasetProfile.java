package org.datamesh.rules.profile;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What a profile found in a dataset: its records and each column, in the order the files name
 * them.
 *
 * @param records the records read as values (a CSV header is not a record)
 * @param unreadable the records the parsers would fail at PARSE (broken quoting, invalid UTF-8,
 *     a wrong number of columns, an empty line, a line that is not a JSON object): not profiled
 * @param columns each column's profile
 */
public record DatasetProfile(long records, long unreadable, List<ColumnProfile> columns)
    implements Serializable {

  public DatasetProfile {
    columns = List.copyOf(columns);
  }

  /** The profile of the column named {@code name}. */
  public Optional<ColumnProfile> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
