package org.datamesh.rules.profile;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.parse.RawRecords;

/**
 * Profiles a dataset of CSV or JSON-lines files in one pass: per column, how many values and
 * nulls, the inferred type ({@link ProfiledType}), lengths, numeric bounds, decimal scale and
 * precision, date layout, text formats, approximate and exact distinct counts, and the values of
 * small enumerations. The output is one {@link DatasetProfile}, which {@link ContractSuggestion}
 * turns into an ODCS contract.
 *
 * <pre>{@code
 * PCollection<DatasetProfile> profile =
 *     pipeline
 *         .apply(FileIO.match().filepattern("exports/customers-*.csv.gz"))
 *         .apply(FileIO.readMatches())
 *         .apply(Profile.csv().withEnumerationLimit(20));
 * }</pre>
 *
 * <p>Each file is read once, by the parsers' own tokenizer ({@link RawRecords}), into a partial
 * profile where it is read; a {@link Combine#globally} of {@link ProfileFn} merges the parts, so
 * no record crosses a coder. A file is profiled by one worker (large files are not split here).
 * JSON lines' nested objects and arrays are profiled as whole values of type {@code object} or
 * {@code array}, not member by member.
 */
public final class Profile
    extends PTransform<PCollection<FileIO.ReadableFile>, PCollection<DatasetProfile>> {

  /** Distinct values kept exactly per column before only the estimate remains. */
  public static final int DEFAULT_DISTINCT_LIMIT = 10_000;

  /** The most distinct values a column may have to be reported as an enumeration. */
  public static final int DEFAULT_ENUMERATION_LIMIT = 10;

  private final RawRecords.Layout layout;
  private final int distinctLimit;
  private final int enumerationLimit;

  private Profile(RawRecords.Layout layout, int distinctLimit, int enumerationLimit) {
    if (enumerationLimit < 0 || distinctLimit < enumerationLimit) {
      throw new IllegalArgumentException(
          "limits need 0 <= enumerationLimit <= distinctLimit, got "
              + enumerationLimit + " and " + distinctLimit);
    }
    this.layout = layout;
    this.distinctLimit = distinctLimit;
    this.enumerationLimit = enumerationLimit;
  }

  /** Profiles CSV files with a header line naming the columns. */
  public static Profile csv() {
    return new Profile(RawRecords.Layout.CSV, DEFAULT_DISTINCT_LIMIT, DEFAULT_ENUMERATION_LIMIT);
  }

  /** Profiles JSON-lines files, one object a line; the members name the columns. */
  public static Profile jsonLines() {
    return new Profile(
        RawRecords.Layout.JSON_LINES, DEFAULT_DISTINCT_LIMIT, DEFAULT_ENUMERATION_LIMIT);
  }

  /**
   * Returns a profile like this one but reporting the values of columns with at most {@code
   * limit} distinct values.
   */
  public Profile withEnumerationLimit(int limit) {
    return new Profile(layout, Math.max(distinctLimit, limit), limit);
  }

  /**
   * Returns a profile like this one but counting up to {@code limit} distinct values per column
   * exactly (each kept in memory until merged); beyond, only the estimate remains and uniqueness
   * is not known.
   */
  public Profile withDistinctLimit(int limit) {
    return new Profile(layout, limit, enumerationLimit);
  }

  @Override
  public PCollection<DatasetProfile> expand(PCollection<FileIO.ReadableFile> files) {
    return files
        .apply("ProfileFiles", ParDo.of(new ProfileFileFn(layout, distinctLimit)))
        .setCoder(ProfileStateCoder.of())
        .apply("MergeProfiles", Combine.globally(new ProfileFn(distinctLimit, enumerationLimit)));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("layout", layout.name()).withLabel("Input layout"))
        .add(DisplayData.item("distinctLimit", distinctLimit).withLabel("Exact distinct values up to"))
        .add(DisplayData.item("enumerationLimit", enumerationLimit).withLabel("Enumerations up to"));
  }

  /** One file's profile, made while it is read. */
  private static final class ProfileFileFn extends DoFn<FileIO.ReadableFile, ProfileState> {
    private final RawRecords.Layout layout;
    private final int distinctLimit;

    ProfileFileFn(RawRecords.Layout layout, int distinctLimit) {
      this.layout = layout;
      this.distinctLimit = distinctLimit;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<ProfileState> out)
        throws Exception {
      ProfileState state = new ProfileState(distinctLimit);
      RawRecords.read(file, layout, state);
      out.output(state);
    }
  }
}
