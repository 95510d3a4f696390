package org.relief.patients.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.identity.PracticeInstalled;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.patients.bodymap.BodyMap;
import org.relief.patients.bodymap.BodyMaps;
import org.relief.patients.history.PainHistories;
import org.relief.patients.history.PainHistory;
import org.relief.platform.PracticeSettings;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo listener, run by hand in the test application (it is a bean only under "demo"). */
@ReliefIntegrationTest
class DemoPainHistoriesTest {

  @Autowired PatientRegistry registry;
  @Autowired PainHistories histories;
  @Autowired BodyMaps maps;
  @Autowired Clock clock;
  @Autowired PracticeSettings practice;

  @Test
  void syntheticPatientsGetVariedPlausibleHistoriesAndMapsOnceAndOnlyOnce() {
    for (int i = 1; i <= 40; i++) {
      registry.registerSynthetic(
          new PatientDetails(
              "SYN-PH-" + i,
              "Synthetic",
              "Demo" + i,
              LocalDate.of(1950 + i, 1, 1),
              i % 2 == 0 ? Sex.FEMALE : Sex.MALE,
              null,
              null,
              "en"));
    }
    var demo = new DemoPainHistories(registry, histories, maps, clock, practice);
    demo.on(new PracticeInstalled(1));

    List<Long> ids = registry.syntheticPatientIds();
    List<PainHistory> recorded = ids.stream().flatMap(id -> histories.read(id).stream()).toList();
    List<BodyMap> mapped = ids.stream().flatMap(id -> maps.read(id).stream()).toList();
    assertThat(recorded).hasSizeBetween(ids.size() * 7 / 10, ids.size() - 1);
    assertThat(mapped).hasSameSizeAs(recorded);
    assertThat(recorded.stream().map(h -> h.details().mechanism()).distinct())
        .hasSizeGreaterThan(3);
    assertThat(recorded.stream().filter(h -> !h.details().treatments().isEmpty())).isNotEmpty();
    Set<String> regions = new HashSet<>();
    mapped.forEach(m -> regions.addAll(m.codes()));
    assertThat(regions).hasSizeGreaterThan(15);
    assertThat(mapped).allSatisfy(m -> assertThat(m.regions()).isNotEmpty());
    LocalDate today = LocalDate.now(clock.withZone(practice.timeZone()));
    assertThat(recorded).allSatisfy(h -> assertThat(h.details().onset().date()).isBefore(today));

    demo.on(new PracticeInstalled(1));
    assertThat(ids.stream().flatMap(id -> histories.read(id).stream()))
        .extracting(PainHistory::version)
        .containsOnly(0);
  }
}
