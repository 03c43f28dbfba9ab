package org.datamesh.core.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.joda.time.Instant;

/**
 * What a stream did with the messages of one event-time window, as one pane reports it: how many
 * came in, and how many of them were published, quarantined or set aside as duplicates.
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
    long deduplicated)
    implements Serializable {

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
        + ", duplicates " + deduplicated;
  }

  /** Encodes a tally as its seven numbers. */
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
    }

    @Override
    public WindowTally decode(InputStream in) throws IOException {
      return new WindowTally(
          new Instant(VarLongCoder.of().decode(in)),
          new Instant(VarLongCoder.of().decode(in)),
          VarIntCoder.of().decode(in),
          VarLongCoder.of().decode(in),
          VarLongCoder.of().decode(in),
          VarLongCoder.of().decode(in),
          VarLongCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
