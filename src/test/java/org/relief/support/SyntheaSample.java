package org.relief.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The committed SYNTHETIC Synthea sample ({@code src/test/resources/synthea}), handed out so that
 * several tests can import it into the one shared test database: each copy gives every patient a
 * fresh UUID in place of Synthea's (their MRN derives from it, and an MRN is registered once).
 */
public final class SyntheaSample {

  private static final Pattern FIRST_UUID =
      Pattern.compile("urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

  private SyntheaSample() {}

  /** Every bundle of the sample, by file name, each with a fresh patient UUID. */
  public static Map<String, String> freshCopies() {
    Map<String, String> copies = new LinkedHashMap<>();
    try {
      for (Resource file :
          new PathMatchingResourcePatternResolver().getResources("classpath:synthea/*.json")) {
        copies.put(file.getFilename(), fresh(read(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copies;
  }

  /**
   * One bundle of the sample (e.g. {@code synthetic-patient-19.json}) with a fresh patient UUID.
   */
  public static String freshCopy(String fileName) {
    return fresh(
        read(
            new PathMatchingResourcePatternResolver()
                .getResource("classpath:synthea/" + fileName)));
  }

  /** The bundle with its first entry's (the patient's) UUID replaced everywhere by a new one. */
  static String fresh(String bundle) {
    Matcher m = FIRST_UUID.matcher(bundle);
    if (!m.find()) {
      throw new IllegalArgumentException("Not a Synthea patient bundle: no urn:uuid entry.");
    }
    return bundle.replace(m.group(1), UUID.randomUUID().toString());
  }

  private static String read(Resource file) {
    try (InputStream in = file.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
