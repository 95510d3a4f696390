package org.relief.patients.history;

import java.util.List;
import java.util.Optional;
import org.relief.patients.PainPicture;
import org.relief.patients.PainPictures;
import org.relief.patients.bodymap.BodyMap;
import org.relief.patients.bodymap.BodyMaps;
import org.springframework.stereotype.Component;

/** The pain history and the body map as one read for other modules. */
@Component
class PainPictureReader implements PainPictures {

  private final PainHistories histories;
  private final BodyMaps maps;

  PainPictureReader(PainHistories histories, BodyMaps maps) {
    this.histories = histories;
    this.maps = maps;
  }

  @Override
  public PainPicture of(long patientId) {
    Optional<PainHistory> history = histories.read(patientId);
    Optional<BodyMap> map = maps.read(patientId);
    List<PainPicture.Region> regions =
        map.map(
                m ->
                    m.regions().stream()
                        .map(r -> new PainPicture.Region(r.code(), r.label(), r.view().label()))
                        .toList())
            .orElse(List.of());
    if (history.isEmpty()) {
      return new PainPicture(
          patientId, false, null, null, null, null, null, List.of(), map.isPresent(), regions);
    }
    PainHistoryDetails d = history.get().details();
    String mechanism =
        d.mechanism() == null
            ? null
            : d.mechanism().label() + (d.mechanismNote() == null ? "" : " — " + d.mechanismNote());
    return new PainPicture(
        patientId,
        true,
        d.onset() == null ? null : d.onset().display(),
        mechanism,
        d.characterText(),
        d.worseWithText(),
        d.betterWithText(),
        d.treatments().stream()
            .map(
                t ->
                    new PainPicture.Treatment(
                        t.type().label(),
                        t.description(),
                        t.period(),
                        t.effect() == null ? null : t.effect().label()))
            .toList(),
        map.isPresent(),
        regions);
  }
}
