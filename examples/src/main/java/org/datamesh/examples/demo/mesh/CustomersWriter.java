package org.datamesh.examples.demo.mesh;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.SplittableRandom;
import org.datamesh.core.failure.Stage;

/**
 * Writes {@code customers.csv}: one profile per customer of the world, in id order, in the
 * layouts a CRM export has (countries as codes or names, national and international phone
 * numbers, {@code N/A} for unknown phones, upper-case e-mail domains). A customer the world
 * marks as re-sent is written a second time a little later, as the older version of its profile.
 */
final class CustomersWriter {

  static final String FILE = "customers.csv";

  private static final String[] FIRST = {
    "Anna", "Lukas", "Marie", "Jonas", "Sophie", "Felix", "Lena", "Paul", "Emma", "Leon",
    "Mia", "Noah", "Hannah", "Elias", "Lea", "Jürgen", "Zoë", "Renée", "Ole", "Ines"};
  private static final String[] LAST = {
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "de Vries", "Dubois", "Gruber",
    "Huber", "Keller"};
  private static final String[][] COUNTRIES = {
    // code, the spellings an export uses, cities
    {"DE", "DE|de|DEU|Germany|germany", "Berlin|Hamburg|München|Köln|Frankfurt am Main|Leipzig"},
    {"AT", "AT|AUT|Austria", "Wien|Graz|Linz"},
    {"CH", "CH|che|Switzerland", "Zürich|Basel|Bern"},
    {"NL", "NL|nld|Netherlands", "Amsterdam|Utrecht"},
    {"FR", "FR|fra|France", "Paris|Lyon|Strasbourg"}};
  private static final double[] COUNTRY_SHARES = {0.70, 0.10, 0.08, 0.06, 0.06};
  private static final String[] DOMAINS = {"example.com", "Example.COM", "mail.example.net", "post.example.org"};
  private static final String[] MOBILE = {"151", "160", "170", "171", "175", "176"};
  private static final int RESEND_DELAY = 25;

  private final MeshWorld world;
  private final SplittableRandom random;
  private final TableTally tally = new TableTally("customers", FILE);

  CustomersWriter(MeshWorld world) {
    this.world = world;
    this.random = MeshWorld.stream(world.seed(), 2);
  }

  TableLedger write(Path dir) throws IOException {
    Deque<String[]> pending = new ArrayDeque<>();
    try (LineSink out = LineSink.create(dir.resolve(FILE))) {
      out.line("customer_id,full_name,email,phone,country,city,birth_date,signup_date,updated_at");
      for (int i = 0; i < world.customers(); i++) {
        Profile profile = profile(i);
        DefectKind defect = world.defect(i);
        if (defect == null) {
          out.line(profile.csv());
          tally.clean();
          if (world.resent(i)) {
            pending.add(new String[] {Integer.toString(i + RESEND_DELAY), profile.older().csv()});
          }
        } else {
          out.line(broken(profile, defect).csv());
        }
        while (!pending.isEmpty() && Integer.parseInt(pending.peek()[0]) <= i) {
          out.line(pending.poll()[1]);
          tally.duplicate();
        }
      }
      for (String[] late : pending) {
        out.line(late[1]);
        tally.duplicate();
      }
    }
    return tally.ledger();
  }

  private Profile broken(Profile p, DefectKind defect) {
    switch (defect) {
      case MISSING -> {
        tally.defect(defect, Outcome.quarantined(Stage.VALIDATE, "full_name.not_null"));
        return p.with(1, "");
      }
      case MALFORMED -> {
        tally.defect(defect, Outcome.quarantined(Stage.STANDARDIZE, "standardize.email"));
        return p.with(2, ascii(p.values[1]).replace(' ', '.') + ".example.com");
      }
      case OUT_OF_RANGE -> {
        tally.defect(defect, Outcome.quarantined(Stage.VALIDATE, "birth_date.range"));
        return p.with(6, "1889-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
      }
      case BAD_ENCODING -> {
        tally.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.encoding"));
        return p.with(5, LineSink.badlyEncoded(p.values[5]));
      }
      default -> throw new IllegalStateException("customers get no " + defect);
    }
  }

  private Profile profile(int i) {
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    String name = random.nextInt(30) == 0 ? first + "  " + last : first + " " + last;
    int country = country(random.nextDouble());
    String[] spellings = COUNTRIES[country][1].split("\\|");
    String[] cities = COUNTRIES[country][2].split("\\|");
    String city = cities[random.nextInt(cities.length)];
    String email =
        random.nextInt(10) == 0
            ? ""
            : ascii(first + "." + last).replace(' ', '-') + (i + 1) + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    String phone = phone();
    LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(random.nextInt(61 * 365));
    LocalDate signup = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1830));
    Instant updated =
        MeshCalendar.FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant()
            .plusSeconds(random.nextLong(MeshCalendar.DAYS * 86_400L));
    return new Profile(
        new String[] {
          MeshWorld.customerId(i), name, email, phone,
          spellings[random.nextInt(spellings.length)], city, birth.toString(), signup.toString(),
          updated.toString()
        },
        cities[random.nextInt(cities.length)],
        updated.minusSeconds(86_400L * (1 + random.nextInt(60))));
  }

  private String phone() {
    int form = random.nextInt(10);
    String prefix = MOBILE[random.nextInt(MOBILE.length)];
    String number = String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
    if (prefix.startsWith("15")) {
      number = number + random.nextInt(10); // 015x numbers have eight digits after the prefix
    }
    return switch (form) {
      case 0 -> "N/A";
      case 1 -> "";
      case 2, 3 -> "+49 " + prefix + " " + number;
      case 4 -> "0049 " + prefix + " " + number;
      default -> "0" + prefix + " " + number;
    };
  }

  private static int country(double draw) {
    double cumulative = 0;
    for (int c = 0; c < COUNTRY_SHARES.length; c++) {
      cumulative += COUNTRY_SHARES[c];
      if (draw < cumulative) {
        return c;
      }
    }
    return 0;
  }

  /** Lower-case ASCII for an e-mail's local part: {@code Müller} becomes {@code mueller}. */
  static String ascii(String text) {
    String replaced =
        text.toLowerCase(Locale.ROOT).replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
            .replace("ß", "ss");
    return Normalizer.normalize(replaced, Normalizer.Form.NFD).replaceAll("[^a-z. -]", "");
  }

  /** A customer's row, the city it lived in before, and when that older version was written. */
  private record Profile(String[] values, String oldCity, Instant olderUpdate) {

    String csv() {
      return Csv.line(values);
    }

    Profile with(int column, String value) {
      String[] copy = values.clone();
      copy[column] = value;
      return new Profile(copy, oldCity, olderUpdate);
    }

    /** The profile as it was before its last change: older {@code updated_at}, earlier city. */
    Profile older() {
      return with(5, oldCity).with(8, olderUpdate.toString());
    }
  }
}
