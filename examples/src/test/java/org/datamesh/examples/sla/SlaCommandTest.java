package org.datamesh.examples.sla;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.examples.catalog.CatalogProducts;
import org.datamesh.examples.catalog.LoopbackServer;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sla} checks every product under an output against its contract's promises: exit 0 when
 * every ERROR promise is kept, 1 when one is broken, a notification per broken promise.
 */
class SlaCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path out() {
    return dir.resolve("out");
  }

  /** Publishes the contacts product with {@code freshness}, and the leads product. */
  private void publish(String freshness) throws Exception {
    Path keyset = dir.resolve("keyset.json");
    KeysetFiles.create(keyset);
    CliOutcome contacts =
        CliOutcome.run(
            "run", "--contract=" + CatalogProducts.contacts(dir, freshness),
            "--input=" + dir.resolve("contacts.csv"), "--output=" + out(),
            "--runner=DirectRunner", "--keyset=" + keyset);
    assertThat(contacts.err(), contacts.status(), is(ExitCode.OK));
    CliOutcome leads =
        CliOutcome.run(
            "run", "--contract=" + CatalogProducts.leads(dir), "--input=" + dir.resolve("leads.csv"),
            "--output=" + out(), "--runner=DirectRunner");
    assertThat(leads.err(), leads.status(), is(ExitCode.OK));
  }

  @Test
  void keptPromisesPass() throws Exception {
    publish("value: 1\nunit: d");

    CliOutcome sla = CliOutcome.run("sla", "--output=" + out());

    assertThat(sla.out(), sla.status(), is(ExitCode.OK));
    assertThat(sla.outLines(), hasItem(startsWith("crm.contacts                 freshness  ERROR  MET")));
    assertThat(sla.outLines(), hasItem("2 products, 1 promises, 0 broken (0 ERROR)"));
    JsonNode document = JSON.readTree(out().resolve("sla.json").toFile());
    assertThat(document.get("passed").asBoolean(), is(true));
    assertThat(document.at("/results/0/product").asText(), equalTo("crm.contacts"));
    assertThat(document.at("/results/0/status").asText(), equalTo("MET"));
  }

  @Test
  void aBrokenErrorPromiseExitsOneAndNotifiesTheOwner() throws Exception {
    publish("value: 1\nunit: ms\ndriver: operational");

    CliOutcome sla;
    List<String> messages;
    try (LoopbackServer server = LoopbackServer.start()) {
      sla = CliOutcome.run("sla", "--output=" + out(), "--notifyUrl=" + server.url("/hooks/sla"));
      messages = server.bodies();
    }

    assertThat(sla.out(), sla.status(), is(ExitCode.RUN_FAILED));
    assertThat(sla.outLines(), hasItem(startsWith("crm.contacts                 freshness  ERROR  BROKEN")));
    assertThat(sla.outLines(), hasItem("2 products, 1 promises, 1 broken (1 ERROR)"));
    assertThat(messages.size(), equalTo(1));
    JsonNode message = JSON.readTree(messages.get(0));
    assertThat(message.get("product").asText(), equalTo("crm.contacts"));
    assertThat(message.get("owner").asText(), equalTo("crm-team"));
    assertThat(message.get("property").asText(), equalTo("freshness"));
    assertThat(message.get("level").asText(), equalTo("ERROR"));
    assertThat(message.get("promised").asText(), equalTo("PT0.001S"));
    assertThat(message.get("text").asText(), containsString("owner crm-team"));
    assertThat(JSON.readTree(out().resolve("sla.json").toFile()).get("passed").asBoolean(), is(false));
  }

  @Test
  void aBrokenAnalyticsPromiseIsAWarning() throws Exception {
    publish("value: 1\nunit: ms\ndriver: analytics");

    CliOutcome sla = CliOutcome.run("sla", "--output=" + out(), "--notifyUrl=" + LoopbackServer.unreachable());

    assertThat(sla.out(), sla.status(), is(ExitCode.OK));
    assertThat(sla.outLines(), hasItem(startsWith("crm.contacts                 freshness  WARN   BROKEN")));
    // The notification could not be delivered: a warning, the status stays the check's.
    assertThat(sla.out(), containsString("Warning: notification not sent: POST to http://127.0.0.1:"));
  }

  @Test
  void anOutputWithoutProductsIsBadUsage() throws Exception {
    Files.createDirectories(out());

    CliOutcome sla = CliOutcome.run("sla", "--output=" + out());

    assertThat(sla.status(), is(ExitCode.USAGE));
    assertThat(sla.err(), containsString("no published product under"));
  }
}
