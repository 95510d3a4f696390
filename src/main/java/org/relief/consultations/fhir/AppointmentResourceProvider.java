package org.relief.consultations.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.consultations.Visit;
import org.relief.consultations.VisitKind;
import org.relief.consultations.VisitStatus;
import org.relief.consultations.fhir.AppointmentMapper.Key;
import org.relief.consultations.fhir.AppointmentMapper.StoredVisit;
import org.relief.fhir.FhirScopes;
import org.relief.fhir.PatientScoped;
import org.relief.fhir.SearchPage;
import org.relief.procedures.BookingSearch;
import org.relief.procedures.BookingStatus;
import org.relief.procedures.ProcedureScheduling;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code Appointment}: the visits booked by the front desk ({@code visit-<id>}) and the
 * procedures booked into the rooms ({@code booking-<id>}, read through {@link
 * ProcedureScheduling#search}). Read, vread of the current version, history (the current version:
 * Relief keeps a visit's or booking's current state only), search by {@code patient}, {@code
 * practitioner}, {@code status} and {@code date} (the start) with {@code _count}/{@code _offset}
 * paging; a search lists the matching visits first, then the matching bookings, each soonest first.
 * Read-only: visits and procedures are booked on their pages. A {@code patient/} token reaches its
 * own patient's appointments only. Every access is audited.
 */
@Component
public class AppointmentResourceProvider implements IResourceProvider, PatientScoped {

  static final String TYPE = "Appointment";
  private static final String COLUMNS =
      "SELECT v.id, v.patient_id, v.clinician_id, v.kind, v.starts_at, v.ends_at, v.status,"
          + " v.updated_at, (n.signed_at IS NOT NULL) AS note_signed";
  private static final String FROM =
      " FROM visit v LEFT JOIN visit_note n ON n.visit_id = v.id WHERE true";

  private final JdbcClient jdbc;
  private final ProcedureScheduling scheduling;
  private final FhirScopes scopes;
  private final AuditTrail audit;

  AppointmentResourceProvider(
      JdbcClient jdbc, ProcedureScheduling scheduling, FhirScopes scopes, AuditTrail audit) {
    this.jdbc = jdbc;
    this.scheduling = scheduling;
    this.scopes = scopes;
    this.audit = audit;
  }

  @Override
  public Class<Appointment> getResourceType() {
    return Appointment.class;
  }

  @Override
  public String resourceType() {
    return TYPE;
  }

  /** A visit or a booking, mapped, with its patient and version. */
  private record Found(long patientId, String versionId, Appointment appointment) {}

  @Read(version = true)
  public Appointment read(@IdParam IdType id) {
    Optional<Found> found =
        find(id).filter(f -> !id.hasVersionIdPart() || f.versionId().equals(id.getVersionIdPart()));
    return allowed(found, id, null).appointment();
  }

  @History
  public List<Appointment> history(@IdParam IdType id) {
    return List.of(allowed(find(id), id, "history").appointment());
  }

  private Found allowed(Optional<Found> found, IdType id, String detail) {
    if (found.isPresent()) {
      Optional<Long> compartment = scopes.compartment(TYPE, 'r');
      if (compartment.isPresent() && compartment.get() != found.get().patientId()) {
        scopes.refuseOtherPatient(TYPE, id.getIdPart());
      }
    }
    Outcome outcome = found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE;
    if (detail == null) {
      audit.recordAccess(AuditActions.READ, TYPE, id.getIdPart(), outcome);
    } else {
      audit.recordAccess(AuditActions.READ, TYPE, id.getIdPart(), outcome, detail);
    }
    return found.orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Appointment.SP_PRACTITIONER) ReferenceParam practitioner,
      @OptionalParam(name = Appointment.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date,
      @Offset Integer offset,
      @Count Integer count) {
    int from = SearchPage.offset(offset);
    int size = SearchPage.size(count);
    boolean nothing = false;
    Long patientId = null;
    if (patient != null) {
      Optional<Long> id = reference(patient, "Patient");
      nothing |= id.isEmpty();
      patientId = id.orElse(null);
    }
    Optional<Long> compartment = scopes.compartment(TYPE, 's');
    if (compartment.isPresent()) {
      if (patientId != null && !patientId.equals(compartment.get())) {
        scopes.refuseOtherPatient(TYPE, "Patient/" + patientId);
      }
      patientId = compartment.get();
    }
    Long clinicianId = null;
    if (practitioner != null) {
      Optional<Long> id = reference(practitioner, "Practitioner");
      nothing |= id.isEmpty();
      clinicianId = id.orElse(null);
    }
    Set<VisitStatus> visitStatuses = EnumSet.noneOf(VisitStatus.class);
    Set<BookingStatus> bookingStatuses = EnumSet.noneOf(BookingStatus.class);
    if (status != null) {
      for (TokenParam t : status.getValuesAsQueryTokens()) {
        for (VisitStatus s : VisitStatus.values()) {
          if (AppointmentMapper.status(s).toCode().equals(t.getValue())) {
            visitStatuses.add(s);
          }
        }
        for (BookingStatus s : BookingStatus.values()) {
          if (AppointmentMapper.status(s).toCode().equals(t.getValue())) {
            bookingStatuses.add(s);
          }
        }
      }
    }
    Instant start = lowerBound(date);
    Instant end = upperBound(date);

    // Visits first, then bookings: the page is cut across the two lists.
    StringBuilder where = new StringBuilder();
    Map<String, Object> params = new LinkedHashMap<>();
    if (patientId != null) {
      where.append(" AND v.patient_id = :patient");
      params.put("patient", patientId);
    }
    if (clinicianId != null) {
      where.append(" AND v.clinician_id = :clinician");
      params.put("clinician", clinicianId);
    }
    if (status != null) {
      where.append(" AND v.status IN (:statuses)");
      params.put(
          "statuses",
          visitStatuses.isEmpty() ? List.of("") : visitStatuses.stream().map(Enum::name).toList());
    }
    if (start != null) {
      where.append(" AND v.starts_at >= :from");
      params.put("from", Timestamp.from(start));
    }
    if (end != null) {
      where.append(" AND v.starts_at < :to");
      params.put("to", Timestamp.from(end));
    }
    int visitTotal =
        nothing
            ? 0
            : jdbc.sql("SELECT count(*)" + FROM + where)
                .params(params)
                .query(Integer.class)
                .single();
    List<IBaseResource> resources = new ArrayList<>();
    if (visitTotal > from && size > 0) {
      params.put("offset", from);
      params.put("count", size);
      jdbc.sql(COLUMNS + FROM + where + " ORDER BY v.starts_at, v.id OFFSET :offset LIMIT :count")
          .params(params)
          .query(AppointmentResourceProvider::row)
          .list()
          .forEach(v -> resources.add(AppointmentMapper.toFhir(v)));
    }
    int bookingTotal = 0;
    boolean noBookingStatus = status != null && bookingStatuses.isEmpty();
    if (!nothing && !noBookingStatus) {
      int bookingOffset = Math.max(0, from - visitTotal);
      int room = size - resources.size();
      BookingSearch.Page page =
          scheduling.search(
              new BookingSearch(null, patientId, clinicianId, start, end, bookingStatuses),
              bookingOffset,
              room);
      bookingTotal = page.total();
      page.bookings().forEach(b -> resources.add(AppointmentMapper.toFhir(b)));
    }
    int total = visitTotal + bookingTotal;
    audit.recordAccess(
        AuditActions.SEARCH,
        TYPE,
        patientId == null ? null : "Patient/" + patientId,
        Outcome.SUCCESS,
        "fhir search, results " + resources.size() + " of " + total);
    return SearchPage.of(resources, total, from, size);
  }

  /**
   * The first instant a {@code date} search admits: the start of the value's period ({@code ge},
   * {@code eq}), or the start of the next one ({@code gt}: {@code gt2026-12-01} begins on the 2nd).
   */
  static Instant lowerBound(DateRangeParam range) {
    DateParam p = range == null ? null : range.getLowerBound();
    if (p == null || p.getValue() == null) {
      return null;
    }
    return p.getPrefix() == ParamPrefixEnum.GREATERTHAN
            || p.getPrefix() == ParamPrefixEnum.STARTS_AFTER
        ? endOfPeriod(p)
        : p.getValue().toInstant();
  }

  /**
   * The instant a {@code date} search admits starts before (exclusive): the start of the value's
   * period for {@code lt}, the start of the next period otherwise ({@code le2026-12-01} takes the
   * whole day).
   */
  static Instant upperBound(DateRangeParam range) {
    DateParam p = range == null ? null : range.getUpperBound();
    if (p == null || p.getValue() == null) {
      return null;
    }
    return p.getPrefix() == ParamPrefixEnum.LESSTHAN || p.getPrefix() == ParamPrefixEnum.ENDS_BEFORE
        ? p.getValue().toInstant()
        : endOfPeriod(p);
  }

  private static Instant endOfPeriod(DateParam p) {
    TemporalPrecisionEnum precision =
        p.getPrecision() == null ? TemporalPrecisionEnum.MILLI : p.getPrecision();
    return precision.add(p.getValue(), 1).toInstant();
  }

  private static Optional<Long> reference(ReferenceParam ref, String type) {
    if (ref.getChain() != null) {
      throw new InvalidRequestException("Relief does not support chained searches.");
    }
    if (ref.getResourceType() != null && !type.equals(ref.getResourceType())) {
      return Optional.empty();
    }
    return SearchPage.numericId(ref.getIdPart());
  }

  private Optional<Found> find(IdType id) {
    Optional<Key> key = AppointmentMapper.key(id.getIdPart());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    if (key.get().visit()) {
      return jdbc.sql(COLUMNS + FROM + " AND v.id = :id")
          .param("id", key.get().id())
          .query(AppointmentResourceProvider::row)
          .optional()
          .map(
              v ->
                  new Found(
                      v.visit().patientId(),
                      AppointmentMapper.versionId(v),
                      AppointmentMapper.toFhir(v)));
    }
    return scheduling
        .search(new BookingSearch(key.get().id(), null, null, null, null, null), 0, 1)
        .bookings()
        .stream()
        .findFirst()
        .map(
            b ->
                new Found(
                    b.booking().patientId(),
                    AppointmentMapper.versionId(b),
                    AppointmentMapper.toFhir(b)));
  }

  private static StoredVisit row(ResultSet rs, int n) throws SQLException {
    return new StoredVisit(
        new Visit(
            rs.getLong("id"),
            rs.getLong("patient_id"),
            rs.getLong("clinician_id"),
            VisitKind.valueOf(rs.getString("kind")),
            rs.getTimestamp("starts_at").toInstant(),
            rs.getTimestamp("ends_at").toInstant(),
            VisitStatus.valueOf(rs.getString("status")),
            rs.getBoolean("note_signed")),
        rs.getTimestamp("updated_at").toInstant());
  }
}
