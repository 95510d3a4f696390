package org.relief.patients.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.relief.identity.PracticeInstalled;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two hundred synthetic patients for the demo practice: invented names from fixed lists, MRNs
 * starting {@code SYN-}, phone numbers in the 555-01xx range reserved for fiction. The same seed
 * gives the same practice every time.
 */
@Component
@Profile("demo")
class DemoPatients {

  static final int COUNT = 200;
  private static final Logger log = LoggerFactory.getLogger(DemoPatients.class);

  private static final List<String> FAMILY =
      List.of(
          "Abara",
          "Bellweather",
          "Castellano",
          "Dunmore",
          "Eriksen",
          "Fairbanks",
          "Galloway",
          "Haverford",
          "Ingleby",
          "Jovanovic",
          "Kettering",
          "Lindahl",
          "Marchetti",
          "Nakashima",
          "Oyelaran",
          "Pemberton",
          "Quintero",
          "Rasmussen",
          "Szabo",
          "Thackeray",
          "Umarov",
          "Vasquez",
          "Whitcombe",
          "Xiong",
          "Yardley",
          "Zielinski");
  private static final List<String> GIVEN_FEMALE =
      List.of(
          "Ada",
          "Beatriz",
          "Chiara",
          "Delphine",
          "Esme",
          "Farah",
          "Greta",
          "Hana",
          "Imani",
          "Juno",
          "Kaia",
          "Leona",
          "Mireille",
          "Nadia");
  private static final List<String> GIVEN_MALE =
      List.of(
          "Anders", "Bastian", "Cyrus", "Dario", "Emeka", "Felix", "Gideon", "Hugo", "Idris",
          "Jasper", "Kenji", "Lorcan", "Matteo", "Nils");

  private final PatientRegistry registry;

  DemoPatients(PatientRegistry registry) {
    this.registry = registry;
  }

  @EventListener
  @Order(10)
  void on(PracticeInstalled installed) {
    Random random = new Random(20261124L);
    for (int i = 1; i <= COUNT; i++) {
      boolean female = random.nextBoolean();
      List<String> given = female ? GIVEN_FEMALE : GIVEN_MALE;
      LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(60 * 365));
      registry.registerSynthetic(
          new PatientDetails(
              "SYN-%06d".formatted(i),
              FAMILY.get(random.nextInt(FAMILY.size())),
              given.get(random.nextInt(given.size())),
              birth,
              female ? Sex.FEMALE : Sex.MALE,
              "555-01%02d".formatted(random.nextInt(100)),
              null,
              random.nextInt(5) == 0 ? "es" : "en"));
    }
    log.info("Synthetic demo practice: {} patients registered", COUNT);
  }
}
