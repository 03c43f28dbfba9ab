package org.datamesh.pipelines.crm;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The documented mapping from RFM scores to segment names, rule by rule. */
class RfmSegmentTest {

  @ParameterizedTest(name = "{0}{1}{2} is {3}")
  @CsvSource({
    "5,5,5,champions", "4,4,3,champions", "5,3,4,champions",
    "5,1,5,new", "4,1,1,new",
    "5,3,3,loyal", "3,5,5,loyal", "3,2,3,loyal",
    "5,2,2,potential", "3,1,2,potential", "3,2,1,potential",
    "2,5,5,at_risk", "1,3,3,at_risk", "2,1,5,at_risk",
    "2,2,2,hibernating", "2,1,1,hibernating",
    "1,2,2,lost", "1,1,1,lost"
  })
  void namesTheFirstRuleThatHolds(int r, int f, int m, String segment) {
    assertThat(RfmSegment.of(r, f, m), equalTo(segment));
  }

  @Test
  void everyScoreCombinationHasASegmentTheContractAllows() {
    List<String> names = new ArrayList<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          names.add(RfmSegment.of(r, f, m));
        }
      }
    }
    assertThat(
        names,
        everyItem(
            in(List.of("champions", "new", "loyal", "potential", "at_risk", "hibernating", "lost"))));
  }
}
