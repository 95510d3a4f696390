package org.relief.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one bulk import did, per resource type, and the patients it knows by the references the
 * imported data uses ({@code urn:uuid:...} full URLs, {@code Patient/<source id>}). Not
 * thread-safe: one import, one tally.
 */
public final class ImportTally {

  /** Counts of one resource type. */
  public record Counts(int kept, int alreadyPresent, int skipped, int rejected) {}

  /** A rejected entry: where it was, its type, and why, in a clinician's or integrator's words. */
  public record Rejection(String location, String resourceType, String reason) {}

  /** The most rejections listed one by one; the counts still count them all. */
  public static final int LISTED_REJECTIONS = 1000;

  private final Map<String, int[]> counts = new TreeMap<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final Map<String, Long> patients = new HashMap<>();
  private ImportTally parent;

  public void kept(String type) {
    count(type)[0]++;
  }

  public void alreadyPresent(String type) {
    count(type)[1]++;
  }

  public void skipped(String type) {
    count(type)[2]++;
  }

  public void rejected(ImportedEntry entry, String reason) {
    rejected(entry.location(), entry.resourceType(), reason);
  }

  public void rejected(String location, String type, String reason) {
    count(type == null ? "unknown" : type)[3]++;
    if (rejections.size() < LISTED_REJECTIONS) {
      rejections.add(new Rejection(location, type, reason));
    }
  }

  /** Relief's patient for a reference the imported data uses. */
  public Optional<Long> patientOf(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    Long found = patients.get(reference);
    return found != null || parent == null
        ? Optional.ofNullable(found)
        : parent.patientOf(reference);
  }

  /** Lets {@code part} (one batch) find the patients this tally knows. */
  public void lendPatientsTo(ImportTally part) {
    part.parent = this;
  }

  /** Adds a finished batch's counts, rejections and patients to this tally. */
  public void absorb(ImportTally part) {
    part.counts.forEach(
        (type, c) -> {
          int[] mine = count(type);
          for (int i = 0; i < 4; i++) {
            mine[i] += c[i];
          }
        });
    for (Rejection r : part.rejections) {
      if (rejections.size() < LISTED_REJECTIONS) {
        rejections.add(r);
      }
    }
    patients.putAll(part.patients);
  }

  /** Remembers that the imported data refers to Relief patient {@code patientId} as these. */
  public void patientKnownAs(long patientId, String... references) {
    for (String reference : references) {
      if (reference != null) {
        patients.put(reference, patientId);
      }
    }
  }

  public Map<String, Counts> counts() {
    Map<String, Counts> out = new TreeMap<>();
    counts.forEach((type, c) -> out.put(type, new Counts(c[0], c[1], c[2], c[3])));
    return out;
  }

  public List<Rejection> rejections() {
    return List.copyOf(rejections);
  }

  public int total(int which) {
    return counts.values().stream().mapToInt(c -> c[which]).sum();
  }

  public int rejectedTotal() {
    return total(3);
  }

  /** The counts in a line of the audit trail (types and numbers only, no health data). */
  public String summary() {
    return "kept "
        + total(0)
        + ", present "
        + total(1)
        + ", skipped "
        + total(2)
        + ", rejected "
        + total(3);
  }

  private int[] count(String type) {
    return counts.computeIfAbsent(type, t -> new int[4]);
  }
}
