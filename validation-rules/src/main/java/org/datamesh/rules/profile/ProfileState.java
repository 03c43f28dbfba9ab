package org.datamesh.rules.profile;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.parse.RawRecords;

/** A part of a dataset's profile (one file's, or several merged): its counts and column states. */
final class ProfileState implements Serializable, RawRecords.Sink {

  private static final long serialVersionUID = 1L;

  private final int distinctLimit;
  long records;
  long unreadable;
  final Map<String, ColumnState> columns = new LinkedHashMap<>();

  ProfileState(int distinctLimit) {
    this.distinctLimit = distinctLimit;
  }

  @Override
  public void record(List<String> names, List<RawRecords.@Nullable Value> values) {
    records++;
    for (int i = 0; i < names.size(); i++) {
      int position = i;
      ColumnState column = columns.computeIfAbsent(names.get(i), n -> new ColumnState(n, position));
      RawRecords.Value value = values.get(i);
      if (value != null) {
        column.add(value, distinctLimit);
      }
    }
  }

  @Override
  public void unreadable() {
    unreadable++;
  }

  ProfileState merge(ProfileState other) {
    records += other.records;
    unreadable += other.unreadable;
    for (ColumnState column : other.columns.values()) {
      ColumnState mine = columns.get(column.name);
      if (mine == null) {
        columns.put(column.name, column);
      } else {
        mine.merge(column, distinctLimit);
      }
    }
    return this;
  }
}
