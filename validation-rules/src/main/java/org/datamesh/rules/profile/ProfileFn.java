package org.datamesh.rules.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.datamesh.core.parse.RawRecords;

/**
 * Merges the profiles of a dataset's parts (each file profiled in one pass where it is read) into
 * the dataset's {@link DatasetProfile}.
 */
final class ProfileFn extends CombineFn<ProfileState, ProfileState, DatasetProfile> {

  private final int distinctLimit;
  private final int enumerationLimit;

  ProfileFn(int distinctLimit, int enumerationLimit) {
    this.distinctLimit = distinctLimit;
    this.enumerationLimit = enumerationLimit;
  }

  @Override
  public ProfileState createAccumulator() {
    return new ProfileState(distinctLimit);
  }

  @Override
  public ProfileState addInput(ProfileState accumulator, ProfileState part) {
    return accumulator.merge(part);
  }

  @Override
  public ProfileState mergeAccumulators(Iterable<ProfileState> accumulators) {
    ProfileState merged = createAccumulator();
    accumulators.forEach(merged::merge);
    return merged;
  }

  @Override
  public DatasetProfile extractOutput(ProfileState state) {
    List<ColumnState> columns = new ArrayList<>(state.columns.values());
    // Stable: columns first seen at one position keep the order they were met in.
    columns.sort(Comparator.comparingInt(c -> c.position));
    List<ColumnProfile> profiles = new ArrayList<>();
    for (ColumnState column : columns) {
      profiles.add(profile(column, state.records));
    }
    return new DatasetProfile(state.records, state.unreadable, profiles);
  }

  private ColumnProfile profile(ColumnState c, long records) {
    ProfiledType type = c.type == null ? ProfiledType.STRING : c.type;
    String datePattern = null;
    if (c.otherDates > 0) {
      // Dates in another layout need it declared; mixed with timestamps no one layout reads both.
      int first = Integer.numberOfTrailingZeros(c.datePatterns);
      if (type == ProfiledType.DATE && first < TextTypes.DATE_PATTERNS.size()) {
        datePattern = TextTypes.DATE_PATTERNS.get(first);
      } else if (type == ProfiledType.DATE || type == ProfiledType.TIMESTAMP) {
        type = ProfiledType.STRING;
      }
    }
    int textOnly = 1 << RawRecords.Kind.TEXT.ordinal();
    boolean readable = type != ProfiledType.STRING || (c.kinds & ~textOnly) == 0;
    boolean numeric = type == ProfiledType.INTEGER || type == ProfiledType.NUMBER;
    List<String> values = null;
    if (c.distinct != null && c.distinct.size() <= enumerationLimit) {
      values = c.distinct.stream().sorted().toList();
    }
    return new ColumnProfile(
        c.name,
        c.values,
        records - c.values,
        c.blanks,
        type,
        readable,
        c.maxLength < 0 ? null : c.minLength,
        c.maxLength < 0 ? null : c.maxLength,
        numeric ? c.minimum : null,
        numeric ? c.maximum : null,
        numeric ? c.maxScale : 0,
        numeric ? Math.max(1, c.maxIntegerDigits + c.maxScale) : 0,
        datePattern,
        type == ProfiledType.STRING && readable && c.values > 0 ? c.formats() : List.of(),
        c.sketch.estimate(),
        c.distinct == null ? null : (long) c.distinct.size(),
        values);
  }

  @Override
  public Coder<ProfileState> getAccumulatorCoder(
      CoderRegistry registry, Coder<ProfileState> inputCoder) {
    return ProfileStateCoder.of();
  }

  @Override
  public Coder<DatasetProfile> getDefaultOutputCoder(
      CoderRegistry registry, Coder<ProfileState> inputCoder) {
    return SerializableCoder.of(DatasetProfile.class);
  }
}
