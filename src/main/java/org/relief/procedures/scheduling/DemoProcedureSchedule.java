package org.relief.procedures.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.relief.identity.PracticeInstalled;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.Laterality;
import org.relief.procedures.ProcedureBooking;
import org.relief.procedures.scheduling.Checklist.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The synthetic demo practice's procedure rooms, afternoon sessions for the coming week (weekdays,
 * from today) and bookings in every readiness state: ready, not ready with items open, and ready
 * only through a pain physician's override. Every booking is marked synthetic.
 */
@Component
@Profile("demo")
class DemoProcedureSchedule {

  private static final Logger log = LoggerFactory.getLogger(DemoProcedureSchedule.class);

  /** One kind of slot: the procedure, its levels and side, whether sedated. */
  private record Slot(String type, List<String> levels, Laterality side, boolean sedation) {}

  private static final List<Slot> SLOTS =
      List.of(
          new Slot("lumbar-tfesi", List.of("L4–L5"), Laterality.LEFT, false),
          new Slot("lumbar-mbb", List.of("L4–L5", "L5–S1"), Laterality.BILATERAL, false),
          new Slot("lumbar-rfa", List.of("L4–L5", "L5–S1"), Laterality.RIGHT, true),
          new Slot("si-joint-injection", List.of(), Laterality.RIGHT, false),
          new Slot("cervical-ilesi", List.of("C7–T1"), Laterality.MIDLINE, false),
          new Slot("genicular-nerve-block", List.of(), Laterality.LEFT, false),
          new Slot("caudal-esi", List.of("sacral hiatus"), Laterality.MIDLINE, false),
          new Slot("scs-trial", List.of(), Laterality.MIDLINE, true));

  private static final List<LocalTime> STARTS =
      List.of(
          LocalTime.of(13, 0), LocalTime.of(13, 45), LocalTime.of(14, 30), LocalTime.of(15, 30));

  private final ProcedureRooms rooms;
  private final SchedulingService scheduling;
  private final ReadinessChecklists checklists;
  private final PatientRegistry patients;
  private final UserAccounts accounts;
  private final PracticeSettings practice;
  private final Clock clock;

  DemoProcedureSchedule(
      ProcedureRooms rooms,
      SchedulingService scheduling,
      ReadinessChecklists checklists,
      PatientRegistry patients,
      UserAccounts accounts,
      PracticeSettings practice,
      Clock clock) {
    this.rooms = rooms;
    this.scheduling = scheduling;
    this.checklists = checklists;
    this.patients = patients;
    this.accounts = accounts;
    this.practice = practice;
    this.clock = clock;
  }

  @EventListener
  @Order(50)
  void on(PracticeInstalled installed) {
    List<Long> ids = patients.syntheticPatientIds();
    UserAccount okafor = accounts.findByUsername("dr.okafor").orElse(null);
    UserAccount lindqvist = accounts.findByUsername("dr.lindqvist").orElse(null);
    UserAccount nurse = accounts.findByUsername("nurse.adeyemi").orElse(null);
    UserAccount desk = accounts.findByUsername("desk.moreau").orElse(null);
    if (ids.isEmpty() || okafor == null || lindqvist == null || nurse == null || desk == null) {
      return;
    }
    ProcedureRoom one =
        rooms.addRoom("Room 1", List.of(Imaging.FLUOROSCOPY, Imaging.ULTRASOUND), true);
    ProcedureRoom two = rooms.addRoom("Room 2", List.of(Imaging.FLUOROSCOPY, Imaging.CT), true);
    rooms.addRoom("Ultrasound bay", List.of(Imaging.ULTRASOUND), true);
    LocalDate today = practice.today(clock);
    int booked = 0;
    int day = 0;
    for (LocalDate d = today; d.isBefore(today.plusDays(7)); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      List<SessionDay> sessions =
          List.of(
              rooms.addSession(
                  one.id(), d, LocalTime.of(13, 0), LocalTime.of(17, 0), okafor.id(), true),
              rooms.addSession(
                  two.id(), d, LocalTime.of(13, 0), LocalTime.of(17, 0), lindqvist.id(), true));
      for (int r = 0; r < sessions.size(); r++) {
        SessionDay session = sessions.get(r);
        UserAccount physician = r == 0 ? okafor : lindqvist;
        for (int s = 0; s < STARTS.size(); s++) {
          int n = day * 8 + r * 4 + s;
          Slot slot = SLOTS.get(n % SLOTS.size());
          long patientId = ids.get((n * 7) % ids.size());
          BookedProcedure booking =
              scheduling.book(
                  new ProcedureBooking(
                      patientId,
                      session.id(),
                      slot.type(),
                      slot.levels(),
                      slot.side(),
                      slot.sedation(),
                      null,
                      false,
                      null,
                      STARTS.get(s),
                      null),
                  desk.id(),
                  true);
          prepare(booking, n % 3, nurse, physician);
          booked++;
        }
      }
      day++;
    }
    log.info("Synthetic demo practice: 3 procedure rooms, {} booked procedures", booked);
  }

  /** 0: everything done; 1: half done, the rest open; 2: done but for overrides. */
  private void prepare(BookedProcedure booking, int state, UserAccount nurse, UserAccount doctor) {
    List<Item> open = checklists.of(booking.id()).openItems();
    for (int i = 0; i < open.size(); i++) {
      Item item = open.get(i);
      boolean last = i >= open.size() - 2;
      if (state == 1 && i % 2 == 1) {
        continue;
      }
      if (state == 2 && last) {
        checklists.override(
            booking.id(),
            item.item(),
            "Synthetic demo: checked by telephone, paperwork to follow",
            doctor.id());
      } else if (item.item() == ReadinessItem.ANTICOAGULATION) {
        checklists.confirmAnticoagulation(
            booking.id(),
            "Dr. Prescriber (synthetic)",
            practice.today(clock),
            "Synthetic demo confirmation",
            nurse.id());
      } else {
        checklists.tick(booking.id(), item.item(), "Synthetic demo", nurse.id());
      }
    }
  }
}
