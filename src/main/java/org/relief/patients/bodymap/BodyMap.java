package org.relief.patients.bodymap;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The regions where a patient has pain, as codes from {@link BodyRegions}, in catalogue order. */
public record BodyMap(long patientId, List<BodyRegion> regions, int version, Instant updatedAt) {

  public Set<String> codes() {
    return regions.stream().map(BodyRegion::code).collect(Collectors.toSet());
  }
}
