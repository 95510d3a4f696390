package org.relief.consultations.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.relief.consultations.Visit;
import org.relief.consultations.VisitKind;
import org.relief.consultations.VisitStatus;
import org.relief.procedures.BookingSearch;
import org.relief.procedures.BookingStatus;

/**
 * Visits (consultations) and procedure bookings (procedures) as FHIR R4 {@code Appointment}s. Pure.
 *
 * <p>IDs are {@code visit-<id>} and {@code booking-<id>}, so the two never collide (decision 0073
 * §6). Status: booked → booked; arrived (a visit) or in progress (a procedure) → arrived; seen or
 * completed → fulfilled; cancelled → cancelled; did not attend → noshow. The patient and the
 * clinician are {@code Patient/} and {@code Practitioner/} references; a procedure room is a
 * display-only actor, as Relief serves no {@code Location}.
 */
public final class AppointmentMapper {

  public static final String VISIT_KIND = "https://relief.health/fhir/CodeSystem/visit-kind";
  public static final String PROCEDURE = "https://relief.health/fhir/CodeSystem/procedure";
  static final String V2_0276 = "http://terminology.hl7.org/CodeSystem/v2-0276";
  static final String VISIT = "visit-";
  static final String BOOKING = "booking-";

  private AppointmentMapper() {}

  /** A visit as stored, with the time of its last change (the version). */
  record StoredVisit(Visit visit, Instant updatedAt) {}

  /** Which record an Appointment ID names. */
  record Key(boolean visit, long id) {}

  static Optional<Key> key(String idPart) {
    if (idPart == null) {
      return Optional.empty();
    }
    if (idPart.startsWith(VISIT)) {
      return org.relief.fhir.SearchPage.numericId(idPart.substring(VISIT.length()))
          .map(n -> new Key(true, n));
    }
    if (idPart.startsWith(BOOKING)) {
      return org.relief.fhir.SearchPage.numericId(idPart.substring(BOOKING.length()))
          .map(n -> new Key(false, n));
    }
    return Optional.empty();
  }

  static String versionId(StoredVisit v) {
    return Long.toString(v.updatedAt().toEpochMilli());
  }

  static String versionId(BookingSearch.Listing b) {
    return Long.toString(b.lastChanged().toEpochMilli());
  }

  static Appointment toFhir(StoredVisit stored) {
    Visit v = stored.visit();
    Appointment a = new Appointment();
    a.setId(new IdType("Appointment", VISIT + v.id(), versionId(stored)));
    a.getMeta().setLastUpdated(Date.from(stored.updatedAt()));
    a.setStatus(status(v.status()));
    if (v.kind() != VisitKind.NEW) {
      a.setAppointmentType(
          new CodeableConcept(
              new Coding(V2_0276, "FOLLOWUP", "A follow up visit from a previous appointment")));
    }
    a.addServiceType(
        new CodeableConcept(new Coding(VISIT_KIND, kindCode(v.kind()), v.kind().label()))
            .setText(v.kind().label() + " visit"));
    a.setDescription(v.kind().label() + " visit");
    a.setStart(Date.from(v.startsAt()));
    a.setEnd(Date.from(v.endsAt()));
    participants(a, v.patientId(), v.clinicianId());
    return a;
  }

  static Appointment toFhir(BookingSearch.Listing listing) {
    var b = listing.booking();
    Appointment a = new Appointment();
    a.setId(new IdType("Appointment", BOOKING + b.id(), versionId(listing)));
    a.getMeta().setLastUpdated(Date.from(listing.lastChanged()));
    a.setStatus(status(b.status()));
    a.addServiceType(
        new CodeableConcept(new Coding(PROCEDURE, b.procedureType(), listing.procedureName()))
            .setText(listing.procedureName()));
    a.setDescription(listing.procedureName());
    a.setStart(Date.from(b.startsAt()));
    a.setEnd(Date.from(b.endsAt()));
    participants(a, b.patientId(), b.physicianId());
    a.addParticipant()
        .setActor(new Reference().setType("Location").setDisplay(listing.roomName()))
        .setRequired(Appointment.ParticipantRequired.REQUIRED)
        .setStatus(ParticipationStatus.ACCEPTED);
    return a;
  }

  private static void participants(Appointment a, long patientId, long clinicianId) {
    a.addParticipant()
        .setActor(new Reference("Patient/" + patientId))
        .setRequired(Appointment.ParticipantRequired.REQUIRED)
        .setStatus(ParticipationStatus.ACCEPTED);
    a.addParticipant()
        .setActor(new Reference("Practitioner/" + clinicianId))
        .setRequired(Appointment.ParticipantRequired.REQUIRED)
        .setStatus(ParticipationStatus.ACCEPTED);
  }

  static String kindCode(VisitKind kind) {
    return switch (kind) {
      case NEW -> "new";
      case FOLLOW_UP -> "follow-up";
      case POST_PROCEDURE -> "post-procedure";
    };
  }

  static AppointmentStatus status(VisitStatus status) {
    return switch (status) {
      case BOOKED -> AppointmentStatus.BOOKED;
      case ARRIVED -> AppointmentStatus.ARRIVED;
      case DONE -> AppointmentStatus.FULFILLED;
      case CANCELLED -> AppointmentStatus.CANCELLED;
      case NO_SHOW -> AppointmentStatus.NOSHOW;
    };
  }

  static AppointmentStatus status(BookingStatus status) {
    return switch (status) {
      case BOOKED -> AppointmentStatus.BOOKED;
      case IN_PROGRESS -> AppointmentStatus.ARRIVED;
      case COMPLETED -> AppointmentStatus.FULFILLED;
      case CANCELLED -> AppointmentStatus.CANCELLED;
    };
  }
}
