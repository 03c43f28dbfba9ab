package org.datamesh.core.lineage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonPostTest {

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  /** A server on loopback answering each request with the next status of {@code statuses}. */
  private String serve(int... statuses) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/lineage",
        exchange -> {
          int n = requests.getAndIncrement();
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(statuses[Math.min(n, statuses.length - 1)], -1);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/lineage";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void deliversTheDocumentAsJson() throws Exception {
    String url = serve(201);

    assertThat(JsonPost.to(url).send(Map.of("eventType", "START")), equalTo(Optional.empty()));
    assertThat(bodies, equalTo(List.of("{\"eventType\":\"START\"}")));
  }

  @Test
  void retriesAServerErrorUntilItIsDelivered() throws Exception {
    String url = serve(503, 500, 200);

    Optional<String> problem =
        JsonPost.to(url).withRetries(3, Duration.ofMillis(5)).send(Map.of("a", 1));

    assertThat(problem, equalTo(Optional.empty()));
    assertThat(requests.get(), equalTo(3));
  }

  @Test
  void givesUpAfterTheAttemptsAndDoesNotRetryAClientError() throws Exception {
    String url = serve(500);
    Optional<String> problem =
        JsonPost.to(url).withRetries(2, Duration.ofMillis(5)).send(Map.of("a", 1));
    assertThat(problem.get(), containsString("failed (HTTP 500)"));
    assertThat(requests.get(), equalTo(2));

    stop();
    requests.set(0);
    String refusing = serve(400);
    assertThat(JsonPost.to(refusing).send(Map.of("a", 1)).get(), containsString("HTTP 400"));
    assertThat(requests.get(), equalTo(1));
  }

  @Test
  void anUnreachableUrlIsAProblemNotAnException() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Optional<String> problem =
        JsonPost.to("http://user:secret@127.0.0.1:" + port + "/hook?token=t")
            .withRetries(2, Duration.ofMillis(5))
            .send(Map.of("a", 1));

    assertThat(problem.isPresent(), is(true));
    assertThat(problem.get(), containsString("POST to http://127.0.0.1:" + port + "/hook failed"));
    assertThat(problem.get().contains("secret") || problem.get().contains("token"), is(false));
  }
}
