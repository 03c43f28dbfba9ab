package org.datamesh.examples.demo.mesh;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How often each {@link DefectKind} is injected: the share of a dataset's records that get it.
 *
 * <pre>{@code
 * MeshDefects defects = MeshDefects.defaults().withRate(DefectKind.DUPLICATE, 0.05);
 * MeshDefects clean = MeshDefects.none();
 * }</pre>
 *
 * <p>A record gets at most one defect. Duplicates are drawn apart, among clean records only, so
 * that a re-sent record is always one that would be published.
 */
public final class MeshDefects {

  private final Map<DefectKind, Double> rates;

  private MeshDefects(Map<DefectKind, Double> rates) {
    this.rates = rates;
  }

  /**
   * About 1% of each kind, 2% duplicates, 0.5% bad encodings, 1% unparseable log lines: about 4%
   * of each dataset's records are quarantined.
   */
  public static MeshDefects defaults() {
    Map<DefectKind, Double> rates = new EnumMap<>(DefectKind.class);
    rates.put(DefectKind.MISSING, 0.01);
    rates.put(DefectKind.MALFORMED, 0.01);
    rates.put(DefectKind.OUT_OF_RANGE, 0.01);
    rates.put(DefectKind.DUPLICATE, 0.02);
    rates.put(DefectKind.ORPHAN, 0.01);
    rates.put(DefectKind.BAD_ENCODING, 0.005);
    rates.put(DefectKind.UNPARSEABLE_LOG, 0.01);
    return new MeshDefects(rates);
  }

  /** No defect of any kind: every record is published. */
  public static MeshDefects none() {
    Map<DefectKind, Double> rates = new EnumMap<>(DefectKind.class);
    for (DefectKind kind : DefectKind.values()) {
      rates.put(kind, 0.0);
    }
    return new MeshDefects(rates);
  }

  /** Returns defects like these but injecting {@code kind} into a share {@code rate} of records. */
  public MeshDefects withRate(DefectKind kind, double rate) {
    if (!(rate >= 0 && rate <= 0.2)) {
      throw new IllegalArgumentException("a defect rate is between 0 and 0.2");
    }
    Map<DefectKind, Double> copy = new EnumMap<>(rates);
    copy.put(kind, rate);
    return new MeshDefects(copy);
  }

  /** The share of records that get {@code kind}. */
  public double rate(DefectKind kind) {
    return rates.get(kind);
  }

  /**
   * One defect among {@code kinds} (never {@link DefectKind#DUPLICATE}), or null for a clean
   * record; always one draw of {@code random}.
   */
  DefectKind draw(RandomGenerator random, Set<DefectKind> kinds) {
    double draw = random.nextDouble();
    double cumulative = 0;
    for (DefectKind kind : DefectKind.values()) {
      if (kind != DefectKind.DUPLICATE && kinds.contains(kind)) {
        cumulative += rates.get(kind);
        if (draw < cumulative) {
          return kind;
        }
      }
    }
    return null;
  }

  /** Whether a clean record is sent twice; always one draw of {@code random}. */
  boolean resend(RandomGenerator random) {
    return random.nextDouble() < rates.get(DefectKind.DUPLICATE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MeshDefects other && rates.equals(other.rates);
  }

  @Override
  public int hashCode() {
    return rates.hashCode();
  }

  @Override
  public String toString() {
    return "MeshDefects" + rates;
  }
}
