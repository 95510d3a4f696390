package org.relief.patients.bodymap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relief.platform.ChartSection;
import org.springframework.stereotype.Component;

/** The body map on the patient chart: the drawing with the chosen regions, and their names. */
@Component
class BodyMapSection implements ChartSection {

  private final BodyMaps maps;

  BodyMapSection(BodyMaps maps) {
    this.maps = maps;
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    Optional<BodyMap> map = maps.read(patientId);
    Map<String, Object> data = new HashMap<>();
    data.put("recorded", map.isPresent());
    data.put("chosen", map.map(BodyMap::codes).orElse(Set.of()));
    data.put("regions", map.map(BodyMap::regions).orElse(List.of()));
    data.put("drawings", BodyRegions.drawings());
    return Optional.of(new Rendered("patients/body-map-parts", "section", data));
  }
}
