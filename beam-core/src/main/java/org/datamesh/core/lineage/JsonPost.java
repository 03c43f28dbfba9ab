package org.datamesh.core.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs a JSON document to a URL with bounded retries: an OpenLineage endpoint ({@code
 * /api/v1/lineage} on Marquez) or a notification hook. A 2xx answer is delivered; a 5xx, a 429, a
 * timeout or a refused connection is tried again after a pause that doubles, up to the attempts
 * given; any other answer is not retried. Never throws: the caller gets the problem as a sentence,
 * so an unreachable endpoint can be a warning and never fail a run.
 *
 * <pre>{@code
 * Optional<String> problem = JsonPost.to("http://localhost:5000/api/v1/lineage").send(event);
 * problem.ifPresent(p -> out.println("Warning: " + p));
 * }</pre>
 */
public final class JsonPost {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final int attempts;
  private final Duration pause;
  private final Duration timeout;

  private JsonPost(URI url, int attempts, Duration pause, Duration timeout) {
    this.url = url;
    this.attempts = attempts;
    this.pause = pause;
    this.timeout = timeout;
  }

  /** Posts to {@code url}, 3 attempts, 250 ms before the first retry, 10 s per attempt. */
  public static JsonPost to(String url) {
    return new JsonPost(URI.create(url), 3, Duration.ofMillis(250), Duration.ofSeconds(10));
  }

  /** Returns a post like this one with {@code attempts} attempts and {@code pause} before the first retry. */
  public JsonPost withRetries(int attempts, Duration pause) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    return new JsonPost(url, attempts, pause, timeout);
  }

  /** Returns a post like this one waiting at most {@code timeout} for each answer. */
  public JsonPost withTimeout(Duration timeout) {
    return new JsonPost(url, attempts, pause, timeout);
  }

  /** Sends {@code document}; empty when delivered, else what went wrong (no content of it). */
  public Optional<String> send(Object document) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(document);
    } catch (IOException e) {
      return Optional.of("could not write the JSON: " + e.getMessage());
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    String problem = "";
    long wait = pause.toMillis();
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          return Optional.empty();
        }
        problem = "HTTP " + status;
        if (status != 429 && status / 100 != 5) {
          break;
        }
      } catch (IOException e) {
        problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        problem = "interrupted";
        break;
      }
      if (attempt < attempts) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        wait *= 2;
      }
    }
    return Optional.of("POST to " + shown() + " failed (" + problem + ")");
  }

  /** The URL without user info or query, which may hold credentials. */
  private String shown() {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getPath() == null ? "" : url.getPath());
  }
}
