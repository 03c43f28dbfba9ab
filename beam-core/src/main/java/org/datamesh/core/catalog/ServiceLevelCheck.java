package org.datamesh.core.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.catalog.PromiseResult.Status;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.product.RunId;
import org.datamesh.core.publish.Manifest;

/**
 * Checks a published product against the service levels its contract promises, from what the
 * output holds: the manifest in force and the facts beside it.
 *
 * <ul>
 *   <li>{@code freshness}: the age of the version in force, from its commit time to now.
 *   <li>{@code latency}: how long the run in force took from its start (the time in its run id)
 *       to its commit. It cannot see how long the data waited before the run started.
 *   <li>{@code retention}: not measured; publication enforces it (superseded runs are removed only
 *       once older than the promise).
 * </ul>
 *
 * <p>ODCS gives a promise no severity; its {@code driver} says how much it matters. A promise
 * whose driver is {@code analytics} is a WARN; {@code regulatory}, {@code operational}, any other
 * driver or none is an ERROR.
 *
 * <pre>{@code
 * List<PromiseResult> results = ServiceLevelCheck.at(Instant.now()).check(product);
 * }</pre>
 */
public final class ServiceLevelCheck {

  private final Instant now;

  private ServiceLevelCheck(Instant now) {
    this.now = now;
  }

  /** A check of the promises as they stand at {@code now}. */
  public static ServiceLevelCheck at(Instant now) {
    return new ServiceLevelCheck(now);
  }

  /** Each promise of {@code product}'s contract, kept, broken or not measurable. */
  public List<PromiseResult> check(PublishedProduct product) {
    Manifest manifest = product.manifest();
    String id = manifest.product();
    if (product.facts().isEmpty()) {
      return List.of(
          new PromiseResult(
              id, null, "contract", Severity.WARN, Status.NOT_MEASURABLE, null, null,
              "no " + ProductFacts.FILE_NAME + " beside the manifest: published before its"
                  + " contract facts were kept; publish it again"));
    }
    ProductFacts facts = product.facts().get();
    List<PromiseResult> results = new ArrayList<>();
    for (ProductFacts.ServiceLevel promise : facts.serviceLevels()) {
      Severity level = "analytics".equals(promise.driver()) ? Severity.WARN : Severity.ERROR;
      Duration measured;
      String unmeasurable;
      switch (promise.property()) {
        case "freshness" -> {
          measured = committedAt(manifest).map(at -> Duration.between(at, now)).orElse(null);
          unmeasurable = "the manifest's commit time cannot be read";
        }
        case "latency" -> {
          measured = latency(manifest);
          unmeasurable = "the run id " + manifest.runId() + " holds no start time";
        }
        default -> {
          measured = null;
          unmeasurable = "enforced by publication (superseded runs are kept at least this long),"
              + " not measured";
        }
      }
      results.add(result(id, facts.owner(), promise, level, measured, unmeasurable));
    }
    return results;
  }

  private static PromiseResult result(
      String id,
      @Nullable String owner,
      ProductFacts.ServiceLevel promise,
      Severity level,
      @Nullable Duration measured,
      String unmeasurable) {
    if (measured == null) {
      return new PromiseResult(
          id, owner, promise.property(), level, Status.NOT_MEASURABLE, promise.millis(), null,
          unmeasurable);
    }
    boolean kept = measured.compareTo(promise.duration()) <= 0;
    return new PromiseResult(
        id, owner, promise.property(), level, kept ? Status.MET : Status.BROKEN, promise.millis(),
        measured.toMillis(),
        "measured " + measured + (kept ? ", within " : ", more than ") + promise.duration());
  }

  private static @Nullable Duration latency(Manifest manifest) {
    Optional<Instant> started = RunId.startedAt(manifest.runId());
    Optional<Instant> committed = committedAt(manifest);
    if (started.isEmpty() || committed.isEmpty()) {
      return null;
    }
    return Duration.between(started.get(), committed.get());
  }

  static Optional<Instant> committedAt(Manifest manifest) {
    try {
      return Optional.of(Instant.parse(manifest.committedAt()));
    } catch (DateTimeParseException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
