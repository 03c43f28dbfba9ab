package org.datamesh.core.stream;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.TableQuality;
import org.joda.time.Instant;

/**
 * What a streaming product's dataset checks found in one event-time window: each check judged on
 * the window's records alone (the rows published, the failures and the duplicates of messages
 * whose event time falls in it), the window's metrics, and its most common values.
 *
 * <pre>{@code
 * result.quality().apply(ParDo.of(...));  // one WindowQuality per window with messages
 * quality.failed();                        // the checks the window broke
 * }</pre>
 *
 * <p>A window is judged once, when the watermark passes its end plus the allowed lateness, on the
 * messages that arrived by then: the same ones its first {@link WindowTally} counts. A stream
 * cannot take back what it has published, so a failed ERROR check does not stop anything: it is
 * reported, as a failed WARN check is.
 */
public record WindowQuality(Instant start, Instant end, TableQuality quality)
    implements Serializable {

  /** The checks that failed in this window, ERROR and WARN. */
  public List<CheckResult> failed() {
    return quality.checks().stream().filter(check -> !check.passed()).toList();
  }

  /** One line for a person: the window, the share of checks passed, and each failed check. */
  public String describe() {
    String failures =
        failed().stream().map(CheckResult::describe).collect(Collectors.joining("; "));
    return "window " + start + " .. " + end + ": checks "
        + (quality.checks().size() - failed().size()) + " of " + quality.checks().size()
        + " passed" + (failures.isEmpty() ? "" : "; failed: " + failures);
  }
}
