package org.relief.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The committed SYNTHETIC Synthea sample ({@code src/test/resources/synthea}), handed out so that
 * several tests can import it into the one shared test database: each copy gives every patient and
 * every record a fresh UUID in place of Synthea's (a patient's MRN derives from its UUID and is
 * registered once; a bulk import keeps a record's source identity, its UUID, once).
 */
public final class SyntheaSample {

  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final Pattern URN_UUID = Pattern.compile("urn:uuid:(" + UUID_PATTERN + ")");
  private static final Pattern ANY_UUID = Pattern.compile(UUID_PATTERN);

  private SyntheaSample() {}

  /** Every bundle of the sample, by file name, each with fresh UUIDs. */
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

  /** One bundle of the sample (e.g. {@code synthetic-patient-19.json}) with fresh UUIDs. */
  public static String freshCopy(String fileName) {
    return fresh(
        read(
            new PathMatchingResourcePatternResolver()
                .getResource("classpath:synthea/" + fileName)));
  }

  /**
   * The bundle with every entry's UUID (its {@code urn:uuid:} full URL, also the resource's id and
   * the patient's MRN) replaced everywhere by a new one: the patient is new, and so is every
   * record's source identity, which a bulk import keeps once per database (decision 0074).
   */
  static String fresh(String bundle) {
    Matcher m = URN_UUID.matcher(bundle);
    Map<String, String> renamed = new HashMap<>();
    while (m.find()) {
      renamed.computeIfAbsent(m.group(1), u -> UUID.randomUUID().toString());
    }
    if (renamed.isEmpty()) {
      throw new IllegalArgumentException("Not a Synthea patient bundle: no urn:uuid entry.");
    }
    return ANY_UUID.matcher(bundle).replaceAll(u -> renamed.getOrDefault(u.group(), u.group()));
  }

  private static String read(Resource file) {
    try (InputStream in = file.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
