package org.datamesh.core.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

class ShardBacklogTest {

  private static List<KV<Long, String>> numbered(long... numbers) {
    return java.util.Arrays.stream(numbers).mapToObj(n -> KV.of(n, "r" + n)).toList();
  }

  private static List<Long> numbers(List<KV<Long, String>> records) {
    return records.stream().map(KV::getKey).toList();
  }

  @Test
  void writesTheUnbrokenRunFromTheNextNumberInOrder() {
    ShardBacklog<String> backlog = ShardBacklog.of(0, numbered(2, 0, 1));
    assertThat(numbers(backlog.ready()), contains(0L, 1L, 2L));
    assertThat(backlog.ready().get(2).getValue(), is("r2"));
    assertThat(backlog.waiting(), is(empty()));
    assertThat(backlog.alreadyWritten(), is(0L));
    assertThat(backlog.next(), is(3L));
  }

  @Test
  void dropsWhatWasWrittenAndHoldsWhatComesAfterAGap() {
    ShardBacklog<String> backlog = ShardBacklog.of(5, numbered(3, 8, 5, 6, 4, 10));
    assertThat(numbers(backlog.ready()), contains(5L, 6L));
    assertThat(numbers(backlog.waiting()), contains(8L, 10L));
    assertThat(backlog.alreadyWritten(), is(2L));
    assertThat(backlog.next(), is(7L));
  }

  @Test
  void aGapAtTheStartWritesNothingAndKeepsEverything() {
    ShardBacklog<String> backlog = ShardBacklog.of(1, numbered(2, 3));
    assertThat(backlog.ready(), is(empty()));
    assertThat(numbers(backlog.waiting()), contains(2L, 3L));
    assertThat(backlog.next(), is(1L));
  }

  @Test
  void aNumberDeliveredTwiceIsWrittenOrKeptOnce() {
    ShardBacklog<String> backlog = ShardBacklog.of(0, numbered(0, 0, 1, 3, 3));
    assertThat(numbers(backlog.ready()), contains(0L, 1L));
    assertThat(numbers(backlog.waiting()), contains(3L));
    assertThat("a repeat of a number not written before is no restore", backlog.alreadyWritten(), is(0L));
  }

  @Test
  void everythingAlreadyWrittenLeavesTheNextNumberWhereItWas() {
    ShardBacklog<String> backlog = ShardBacklog.of(100, numbered(97, 98, 99));
    assertThat(backlog.ready(), is(empty()));
    assertThat(backlog.waiting(), is(empty()));
    assertThat(backlog.alreadyWritten(), is(3L));
    assertThat(backlog.next(), is(100L));
  }
}
