package org.datamesh.core.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The transactional producers of {@link WriteKafkaExactlyOnce} in this JVM, one per group, topic
 * and shard, shared by every writer instance. A runner may hand one shard's batches to several
 * instances of the writer (the Direct runner does, one per thread): each opening its own producer
 * would fence the others' (same transactional id), failing their next transaction. A producer is
 * opened under its own key's lock (opening can wait on the brokers), closed when the last
 * instance using it is torn down, or when a transaction fails (the next batch opens a new one).
 */
final class SharedTransactions {

  private static final class Shared {
    /** Guarded by this Shared. */
    @Nullable ShardTransactions transactions;
    /** Guarded by {@link #OPEN}. */
    int users;
  }

  /** Guarded by itself. */
  private static final Map<String, Shared> OPEN = new HashMap<>();

  private SharedTransactions() {}

  /** Counts one more writer instance using {@code key}'s producer. */
  static void join(String key) {
    synchronized (OPEN) {
      OPEN.computeIfAbsent(key, k -> new Shared()).users++;
    }
  }

  /** {@code key}'s producer, opened by {@code open} when there is none; {@link #join} first. */
  static ShardTransactions get(String key, Supplier<ShardTransactions> open) {
    Shared shared;
    synchronized (OPEN) {
      shared = OPEN.get(key);
    }
    if (shared == null) {
      throw new IllegalStateException("no writer joined " + key);
    }
    synchronized (shared) {
      if (shared.transactions == null) {
        shared.transactions = open.get();
      }
      return shared.transactions;
    }
  }

  /** Closes {@code broken}, and opens a new producer for {@code key} when next asked. */
  static void discard(String key, ShardTransactions broken) {
    Shared shared;
    synchronized (OPEN) {
      shared = OPEN.get(key);
    }
    if (shared != null) {
      synchronized (shared) {
        if (shared.transactions == broken) {
          shared.transactions = null;
        }
      }
    }
    broken.close();
  }

  /** Counts one writer instance fewer using {@code key}'s producer, closing it after the last. */
  static void leave(String key) {
    Shared last = null;
    synchronized (OPEN) {
      Shared shared = OPEN.get(key);
      if (shared != null && --shared.users == 0) {
        OPEN.remove(key);
        last = shared;
      }
    }
    if (last != null) {
      ShardTransactions transactions;
      synchronized (last) {
        transactions = last.transactions;
        last.transactions = null;
      }
      if (transactions != null) {
        transactions.close();
      }
    }
  }
}
