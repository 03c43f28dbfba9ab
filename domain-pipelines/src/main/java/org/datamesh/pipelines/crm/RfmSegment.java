package org.datamesh.pipelines.crm;

/**
 * The named segment of a customer's RFM scores (each 1..5, 5 best). With {@code fm = (f + m + 1)
 * / 2} (the mean of the frequency and monetary scores, halves rounded up), the first rule that
 * holds names it:
 *
 * <table>
 *   <caption>RFM scores to segments, first match wins</caption>
 *   <tr><th>segment</th><th>rule</th><th>who</th></tr>
 *   <tr><td>champions</td><td>r &gt;= 4 and fm &gt;= 4</td><td>bought lately, often, much</td></tr>
 *   <tr><td>new</td><td>r &gt;= 4 and f = 1</td><td>bought lately, but rarely yet</td></tr>
 *   <tr><td>loyal</td><td>r &gt;= 3 and fm &gt;= 3</td><td>good customers, fairly recent</td></tr>
 *   <tr><td>potential</td><td>r &gt;= 3</td><td>recent, low frequency or spend</td></tr>
 *   <tr><td>at_risk</td><td>r &lt;= 2 and fm &gt;= 3</td><td>were good, not back since</td></tr>
 *   <tr><td>hibernating</td><td>r = 2</td><td>low value, a while ago</td></tr>
 *   <tr><td>lost</td><td>r = 1</td><td>low value, long ago</td></tr>
 * </table>
 *
 * <pre>{@code
 * RfmSegment.of(5, 4, 5);   // "champions"
 * RfmSegment.of(1, 1, 2);   // "lost"
 * }</pre>
 */
final class RfmSegment {

  private RfmSegment() {}

  static String of(int r, int f, int m) {
    int fm = (f + m + 1) / 2;
    if (r >= 4 && fm >= 4) {
      return "champions";
    }
    if (r >= 4 && f == 1) {
      return "new";
    }
    if (r >= 3) {
      return fm >= 3 ? "loyal" : "potential";
    }
    if (fm >= 3) {
      return "at_risk";
    }
    return r == 2 ? "hibernating" : "lost";
  }
}
