package org.datamesh.core.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.joda.time.Instant;

/**
 * What a stream did with the messages of one event-time window, as one pane reports it: how many
 * came in, how many of them were published, quarantined or set aside as duplicates, and how often
 * each WARN rule fired on them.
 *
 * <p>The first pane of a window ({@code pane == 0}) comes once the watermark has passed the
 * window's end plus the allowed lateness; messages arriving later still (behind the watermark)
 * are published all the same, and each later pane counts what arrived since the one before. The
 * first pane is as complete as the watermark is right: see {@code EventTimePolicy} for when a
 * source's watermark runs ahead of a record. So a window's panes add up:
 * summed over them, {@code in == published + quarantined + deduplicated}. A single pane balances
 * too unless a late message's outcome arrives just after the pane that counted it in.
 */
public record WindowTally(
    Instant start,
    Instant end,
    int pane,
    long in,
    long published,
    long quarantined,
    long deduplicated,
    SortedMap<String, Long> warnings)
    implements Serializable {

  /** @param warnings hits of each WARN rule on the pane's records, by rule id */
  public WindowTally {
    warnings = Collections.unmodifiableSortedMap(new TreeMap<>(warnings));
  }

  /** A tally of a pane whose records raised no warning. */
  public WindowTally(
      Instant start, Instant end, int pane, long in, long published, long quarantined,
      long deduplicated) {
    this(start, end, pane, in, published, quarantined, deduplicated, new TreeMap<>());
  }

  /** Whether every message counted in has its outcome counted in this pane. */
  public boolean balances() {
    return in == published + quarantined + deduplicated;
  }

  /** Whether this is the window's first pane; later panes count late messages. */
  public boolean onTime() {
    return pane == 0;
  }

  /** One line for a person: window, pane and counts. */
  public String describe() {
    return "window " + start + " .. " + end + (onTime() ? "" : " (late pane " + pane + ")")
        + ": in " + in + ", published " + published + ", quarantined " + quarantined
        + ", duplicates " + deduplicated
        + (warnings.isEmpty() ? "" : ", warnings " + warnings);
  }

  /** Encodes a tally as its seven numbers, then its warnings by rule. */
  public static final class Coder extends AtomicCoder<WindowTally> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(WindowTally tally, OutputStream out) throws IOException {
      VarLongCoder.of().encode(tally.start.getMillis(), out);
      VarLongCoder.of().encode(tally.end.getMillis(), out);
      VarIntCoder.of().encode(tally.pane, out);
      VarLongCoder.of().encode(tally.in, out);
      VarLongCoder.of().encode(tally.published, out);
      VarLongCoder.of().encode(tally.quarantined, out);
      VarLongCoder.of().encode(tally.deduplicated, out);
      VarIntCoder.of().encode(tally.warnings.size(), out);
      for (Map.Entry<String, Long> warning : tally.warnings.entrySet()) {
        StringUtf8Coder.of().encode(warning.getKey(), out);
        VarLongCoder.of().encode(warning.getValue(), out);
      }
    }

    @Override
    public WindowTally decode(InputStream in) throws IOException {
      Instant start = new Instant(VarLongCoder.of().decode(in));
      Instant end = new Instant(VarLongCoder.of().decode(in));
      int pane = VarIntCoder.of().decode(in);
      long[] counts = new long[4];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = VarLongCoder.of().decode(in);
      }
      SortedMap<String, Long> warnings = new TreeMap<>();
      int rules = VarIntCoder.of().decode(in);
      for (int i = 0; i < rules; i++) {
        warnings.put(StringUtf8Coder.of().decode(in), VarLongCoder.of().decode(in));
      }
      return new WindowTally(
          start, end, pane, counts[0], counts[1], counts[2], counts[3], warnings);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
