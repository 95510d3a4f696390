package org.relief.patients.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.relief.identity.PracticeInstalled;
import org.relief.patients.PatientRegistry;
import org.relief.patients.bodymap.BodyMapChangedMeanwhile;
import org.relief.patients.bodymap.BodyMaps;
import org.relief.patients.history.AggravatingFactor;
import org.relief.patients.history.Onset;
import org.relief.patients.history.OnsetMechanism;
import org.relief.patients.history.PainCharacter;
import org.relief.patients.history.PainHistories;
import org.relief.patients.history.PainHistoryChangedMeanwhile;
import org.relief.patients.history.PainHistoryDetails;
import org.relief.patients.history.PriorTreatment;
import org.relief.patients.history.RelievingFactor;
import org.relief.patients.history.TreatmentEffect;
import org.relief.patients.history.TreatmentType;
import org.relief.platform.PracticeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Pain histories and body maps for the synthetic demo patients, drawn from a handful of common
 * presentations of an interventional pain clinic (radicular and axial low back pain, neck pain with
 * arm symptoms, sacroiliac pain, knee osteoarthritis, stenosis, pain after spine surgery). Invented
 * data; the same seed gives the same practice every time. Patients that already have a history or
 * map keep theirs.
 */
@Component
@Profile("demo")
class DemoPainHistories {

  private static final Logger log = LoggerFactory.getLogger(DemoPainHistories.class);

  /** A presentation: what is typical of it, to draw a varied but plausible history from. */
  private record Presentation(
      List<OnsetMechanism> mechanisms,
      List<PainCharacter> characters,
      List<AggravatingFactor> aggravating,
      List<RelievingFactor> relieving,
      List<String> relievingOther,
      List<Treatment> treatments,
      List<String> midline,
      List<String> sided) {}

  private record Treatment(TreatmentType type, String description) {}

  private static final List<Presentation> PRESENTATIONS =
      List.of(
          new Presentation(
              List.of(OnsetMechanism.INJURY, OnsetMechanism.SPONTANEOUS),
              List.of(
                  PainCharacter.SHOOTING,
                  PainCharacter.ELECTRIC,
                  PainCharacter.NUMBNESS_TINGLING,
                  PainCharacter.BURNING),
              List.of(
                  AggravatingFactor.SITTING,
                  AggravatingFactor.BENDING,
                  AggravatingFactor.COUGHING_SNEEZING,
                  AggravatingFactor.LIFTING),
              List.of(
                  RelievingFactor.LYING_DOWN, RelievingFactor.WALKING, RelievingFactor.MEDICATION),
              List.of("side-lying with a pillow between the knees"),
              List.of(
                  new Treatment(TreatmentType.PHYSICAL_THERAPY, "McKenzie exercises, 6 weeks"),
                  new Treatment(TreatmentType.MEDICATION, "Gabapentin"),
                  new Treatment(TreatmentType.MEDICATION, "Oral prednisone taper"),
                  new Treatment(TreatmentType.INJECTION, "L5-S1 transforaminal epidural steroid")),
              List.of("back.lumbar"),
              List.of(
                  "back.lumbar.%s",
                  "back.buttock.%s",
                  "back.thigh.%s",
                  "back.calf.%s",
                  "front.shin.%s",
                  "front.foot.%s")),
          new Presentation(
              List.of(OnsetMechanism.DEGENERATIVE, OnsetMechanism.UNKNOWN),
              List.of(PainCharacter.ACHING, PainCharacter.PRESSURE, PainCharacter.CRAMPING),
              List.of(
                  AggravatingFactor.STANDING,
                  AggravatingFactor.TWISTING,
                  AggravatingFactor.LYING_DOWN,
                  AggravatingFactor.ACTIVITY),
              List.of(RelievingFactor.SITTING, RelievingFactor.HEAT, RelievingFactor.STRETCHING),
              List.of("changing position often"),
              List.of(
                  new Treatment(TreatmentType.PHYSICAL_THERAPY, "Core stabilisation programme"),
                  new Treatment(TreatmentType.CHIROPRACTIC, "Spinal manipulation"),
                  new Treatment(TreatmentType.MEDICATION, "Naproxen"),
                  new Treatment(
                      TreatmentType.INJECTION, "Lumbar medial branch blocks L4-L5, L5-S1")),
              List.of("back.lumbar"),
              List.of("back.lumbar.%s", "back.buttock.%s")),
          new Presentation(
              List.of(OnsetMechanism.DEGENERATIVE, OnsetMechanism.INJURY),
              List.of(
                  PainCharacter.ACHING, PainCharacter.SHOOTING, PainCharacter.NUMBNESS_TINGLING),
              List.of(
                  AggravatingFactor.ACTIVITY, AggravatingFactor.COLD, AggravatingFactor.LIFTING),
              List.of(RelievingFactor.REST, RelievingFactor.HEAT, RelievingFactor.MEDICATION),
              List.of("resting the arm on the head"),
              List.of(
                  new Treatment(
                      TreatmentType.PHYSICAL_THERAPY, "Cervical traction and posture work"),
                  new Treatment(TreatmentType.ACUPUNCTURE, "Eight sessions"),
                  new Treatment(TreatmentType.MEDICATION, "Cyclobenzaprine at night"),
                  new Treatment(TreatmentType.INJECTION, "C6-C7 interlaminar epidural steroid")),
              List.of("back.cervical"),
              List.of(
                  "back.neck.%s",
                  "back.scapula.%s",
                  "back.shoulder.%s",
                  "front.upper-arm.%s",
                  "front.forearm.%s",
                  "front.hand.%s")),
          new Presentation(
              List.of(OnsetMechanism.INJURY, OnsetMechanism.SPONTANEOUS, OnsetMechanism.OTHER),
              List.of(PainCharacter.ACHING, PainCharacter.STABBING, PainCharacter.THROBBING),
              List.of(
                  AggravatingFactor.SITTING,
                  AggravatingFactor.STANDING,
                  AggravatingFactor.WALKING,
                  AggravatingFactor.TWISTING),
              List.of(RelievingFactor.LYING_DOWN, RelievingFactor.ICE),
              List.of("sacroiliac belt"),
              List.of(
                  new Treatment(TreatmentType.PHYSICAL_THERAPY, "Pelvic stabilisation"),
                  new Treatment(
                      TreatmentType.INJECTION, "Sacroiliac joint injection, image-guided"),
                  new Treatment(TreatmentType.MEDICATION, "Ibuprofen as needed")),
              List.of(),
              List.of("back.sacroiliac.%s", "back.buttock.%s", "front.groin.%s", "back.thigh.%s")),
          new Presentation(
              List.of(OnsetMechanism.DEGENERATIVE),
              List.of(PainCharacter.ACHING, PainCharacter.THROBBING),
              List.of(
                  AggravatingFactor.WALKING, AggravatingFactor.STANDING, AggravatingFactor.COLD),
              List.of(RelievingFactor.REST, RelievingFactor.ICE, RelievingFactor.MEDICATION),
              List.of("a cane on long walks"),
              List.of(
                  new Treatment(TreatmentType.PHYSICAL_THERAPY, "Quadriceps strengthening"),
                  new Treatment(TreatmentType.INJECTION, "Intra-articular corticosteroid"),
                  new Treatment(TreatmentType.MEDICATION, "Topical diclofenac")),
              List.of(),
              List.of("front.knee.%s", "back.knee.%s")),
          new Presentation(
              List.of(OnsetMechanism.DEGENERATIVE),
              List.of(
                  PainCharacter.ACHING, PainCharacter.CRAMPING, PainCharacter.NUMBNESS_TINGLING),
              List.of(AggravatingFactor.WALKING, AggravatingFactor.STANDING),
              List.of(RelievingFactor.SITTING, RelievingFactor.REST),
              List.of("leaning on a shopping cart", "bending forward"),
              List.of(
                  new Treatment(TreatmentType.PHYSICAL_THERAPY, "Flexion-based programme"),
                  new Treatment(TreatmentType.INJECTION, "L4-L5 interlaminar epidural steroid"),
                  new Treatment(TreatmentType.PSYCHOLOGY, "Pain coping skills group")),
              List.of("back.lumbar"),
              List.of("back.buttock.%s", "back.thigh.%s", "back.calf.%s")),
          new Presentation(
              List.of(OnsetMechanism.SURGERY),
              List.of(PainCharacter.BURNING, PainCharacter.ACHING, PainCharacter.SHOOTING),
              List.of(
                  AggravatingFactor.SITTING, AggravatingFactor.BENDING, AggravatingFactor.ACTIVITY),
              List.of(RelievingFactor.LYING_DOWN, RelievingFactor.MEDICATION, RelievingFactor.HEAT),
              List.of("a warm shower"),
              List.of(
                  new Treatment(TreatmentType.SURGERY, "L4-L5 laminectomy and fusion"),
                  new Treatment(TreatmentType.PHYSICAL_THERAPY, "Post-operative rehabilitation"),
                  new Treatment(TreatmentType.MEDICATION, "Duloxetine"),
                  new Treatment(TreatmentType.PSYCHOLOGY, "Cognitive behavioural therapy")),
              List.of("back.lumbar", "back.sacrum"),
              List.of("back.lumbar.%s", "back.buttock.%s", "back.thigh.%s")));

  private static final List<TreatmentEffect> EFFECTS =
      List.of(
          TreatmentEffect.NONE,
          TreatmentEffect.SLIGHT,
          TreatmentEffect.SLIGHT,
          TreatmentEffect.MODERATE,
          TreatmentEffect.MODERATE,
          TreatmentEffect.MARKED,
          TreatmentEffect.WORSE);

  private final PatientRegistry registry;
  private final PainHistories histories;
  private final BodyMaps maps;
  private final Clock clock;
  private final PracticeSettings practice;

  DemoPainHistories(
      PatientRegistry registry,
      PainHistories histories,
      BodyMaps maps,
      Clock clock,
      PracticeSettings practice) {
    this.registry = registry;
    this.histories = histories;
    this.maps = maps;
    this.clock = clock;
    this.practice = practice;
  }

  @EventListener
  @Order(20)
  void on(PracticeInstalled installed) {
    Random random = new Random(20261124_0500L);
    LocalDate today = practice.today(clock);
    int recorded = 0;
    for (long patientId : registry.syntheticPatientIds()) {
      // Some new patients have not been asked yet: the chart then invites the clinician to record.
      if (random.nextInt(10) == 0) {
        continue;
      }
      Presentation p = PRESENTATIONS.get(random.nextInt(PRESENTATIONS.size()));
      String side = random.nextBoolean() ? "left" : "right";
      boolean bothSides = random.nextInt(4) == 0;
      try {
        histories.save(patientId, null, history(p, random, today));
        maps.save(patientId, null, regions(p, random, side, bothSides));
        recorded++;
      } catch (PainHistoryChangedMeanwhile | BodyMapChangedMeanwhile alreadyThere) {
        log.debug("Patient {} already has a pain history or body map", patientId);
      }
    }
    log.info("Synthetic demo practice: {} pain histories and body maps recorded", recorded);
  }

  private static PainHistoryDetails history(Presentation p, Random random, LocalDate today) {
    LocalDate onsetDay = today.minusDays(120 + random.nextInt(10 * 365));
    Onset onset =
        switch (random.nextInt(3)) {
          case 0 -> Onset.exact(onsetDay);
          case 1 -> Onset.month(onsetDay.getYear(), onsetDay.getMonthValue());
          default -> Onset.year(onsetDay.getYear());
        };
    OnsetMechanism mechanism = pick(p.mechanisms(), random);
    String note =
        switch (mechanism) {
          case INJURY ->
              pick(List.of("Lifting at work", "Fall on ice", "Rear-end car collision"), random);
          case SURGERY -> "Began within weeks of the operation";
          case OTHER -> "After running a marathon";
          default -> null;
        };
    List<PriorTreatment> treatments = new ArrayList<>();
    List<Treatment> options = new ArrayList<>(p.treatments());
    int count = random.nextInt(Math.min(4, options.size() + 1));
    LocalDate from = onsetDay.plusDays(14 + random.nextInt(60));
    for (int i = 0; i < count && from.isBefore(today.minusDays(30)); i++) {
      Treatment t = options.remove(random.nextInt(options.size()));
      LocalDate to = from.plusDays(7 + random.nextInt(120));
      boolean single = t.type() == TreatmentType.INJECTION || t.type() == TreatmentType.SURGERY;
      treatments.add(
          new PriorTreatment(
              t.type(),
              t.description(),
              from,
              single || to.isAfter(today) ? null : to,
              pick(EFFECTS, random)));
      from = (single ? from : to).plusDays(14 + random.nextInt(90));
    }
    return new PainHistoryDetails(
        onset,
        mechanism,
        note,
        some(p.characters(), random, PainCharacter.class),
        some(p.aggravating(), random, AggravatingFactor.class),
        null,
        some(p.relieving(), random, RelievingFactor.class),
        random.nextInt(3) == 0 ? pick(p.relievingOther(), random) : null,
        treatments);
  }

  private static Set<String> regions(Presentation p, Random random, String side, boolean both) {
    Set<String> codes = new LinkedHashSet<>(p.midline());
    String other = side.equals("left") ? "right" : "left";
    // The nearer regions always; how far the pain spreads varies.
    int reach = 1 + random.nextInt(p.sided().size());
    for (String region : p.sided().subList(0, reach)) {
      codes.add(region.formatted(side));
      if (both) {
        codes.add(region.formatted(other));
      }
    }
    return codes;
  }

  private static <E extends Enum<E>> Set<E> some(List<E> typical, Random random, Class<E> type) {
    EnumSet<E> chosen = EnumSet.noneOf(type);
    chosen.add(typical.get(0));
    for (E e : typical) {
      if (random.nextInt(2) == 0) {
        chosen.add(e);
      }
    }
    return chosen;
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }
}
