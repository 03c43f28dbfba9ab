package org.datamesh.examples.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line's own messages never repeat a secret given to it. */
class SecretRedactionTest {

  private static final String KEY_ID = "AKIAUNITTEST00000001";
  private static final String SECRET = "dm-SECRET-unit-5e6f7a8b9c";

  private static final String CREDENTIALS =
      "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\""
          + KEY_ID + "\",\"secretAccessKey\":\"" + SECRET + "\"}";

  @ParameterizedTest
  @CsvSource({
    "awsCredentialsProvider, true",
    "secretAccessKey, true",
    "accessKeyId, true",
    "sessionToken, true",
    "password, true",
    "sasl.jaas.config, true",
    "SSECustomerKey, true",
    "ssl.key.password, true",
    "sslKeyFile, false",
    "SSEKMSKeyId, false",
    "output, false",
    "endpoint, false",
    "username, false"
  })
  void namesLookSecretByTheDocumentedRule(String name, boolean secret) {
    assertThat(SecretNames.looksSecret(name), is(secret));
  }

  @Test
  void blanksOutSecretOptionsAndSecretFieldsOfAnyOption() {
    SecretValues secrets =
        SecretValues.of(
            new String[] {
              CREDENTIALS,
              "--proxyConfiguration={\"endpoint\":\"http://proxy:3128\",\"username\":\"ops\","
                  + "\"password\":\"pr0xy-pass\"}",
              "--output=s3://lake/mesh",
              "--apiToken=abc"
            });

    assertThat(
        secrets.redact("key " + KEY_ID + ", secret " + SECRET + ", proxy pr0xy-pass as ops"
            + " to s3://lake/mesh, abc"),
        equalTo("key ****, secret ****, proxy **** as ops to s3://lake/mesh, abc"));
  }

  @Test
  void credentialsThatAreNotJsonAreAUsageErrorThatDoesNotRepeatThem() {
    // Beam's own message repeats the whole value: "Unable to parse JSON value {...}".
    CliOutcome outcome = CliOutcome.run("run", CREDENTIALS.replace("}", ""));

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(
        outcome.err(),
        equalTo(
            "datamesh run: --awsCredentialsProvider has a value that cannot be read as its type"
                + " (not shown: the option holds a secret)\n"));
    assertThat(outcome.out(), equalTo(""));
  }

  @Test
  void aSecretGivenApartFromItsOptionIsNotRepeated() {
    for (String[] args :
        List.of(
            new String[] {"run", "--secretAccessKey", SECRET},
            new String[] {
              "run", "--awsCredentialsProvider", CREDENTIALS.substring(CREDENTIALS.indexOf('=') + 1)
            })) {
      CliOutcome outcome = CliOutcome.run(args);

      assertThat(outcome.status(), is(ExitCode.USAGE));
      assertThat(
          outcome.err(),
          equalTo(
              "datamesh run: unexpected argument 2 (not an option): options look like"
                  + " --name=value\n"));
      assertThat(outcome.out(), equalTo(""));
    }
    assertThat(
        SecretValues.of(new String[] {"--secretAccessKey", SECRET}).redact("x " + SECRET),
        equalTo("x ****"));
  }

  @Test
  void aSecretFieldOfAnOptionThatIsNotJsonIsNotRepeated() {
    CliOutcome outcome =
        CliOutcome.run(
            "run",
            "--proxyConfiguration={\"endpoint\":\"http://proxy:3128\",\"password\":\"" + SECRET
                + "\"");

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.err(), not(containsString(SECRET)));
    assertThat(
        outcome.err(),
        equalTo("datamesh run: --proxyConfiguration has a value that cannot be read as its type"
            + " (Cannot construct instance of"
            + " `software.amazon.awssdk.http.apache.ProxyConfiguration$Builder` (although at least"
            + " one Creator exists): no String-argument constructor/factory method to deserialize"
            + " from String value ('{'))\n"));
  }

  @Test
  void incompleteCredentialsAreAUsageError() {
    CliOutcome outcome =
        CliOutcome.run(
            "run",
            "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\""
                + KEY_ID + "\"}");

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(
        outcome.err(),
        equalTo(
            "datamesh run: AWS credentials provider type 'StaticCredentialsProvider' is missing"
                + " 'secretAccessKey'\n"));
    assertThat(outcome.err(), not(containsString(KEY_ID)));
  }

  @Test
  void aSecretPrintedInPiecesIsStillBlankedOut() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream target = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream redacted = RedactedStream.over(target, SecretValues.of(new String[] {CREDENTIALS}));

    redacted.print("secret: " + SECRET.substring(0, 8));
    redacted.print(SECRET.substring(8));
    redacted.println();
    redacted.println("id " + KEY_ID + " and " + SECRET);
    redacted.flush();

    assertThat(
        bytes.toString(StandardCharsets.UTF_8).lines().toList(),
        equalTo(List.of("secret: ****", "id **** and ****")));
  }

}
