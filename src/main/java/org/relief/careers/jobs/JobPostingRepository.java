package org.relief.careers.jobs;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Postings in {@code job_posting} with their sites and procedures. */
@Repository
class JobPostingRepository {

  private static final String SELECT =
      "SELECT j.*, e.name AS employer_name FROM job_posting j JOIN employer e ON e.id ="
          + " j.employer_id";

  private final JdbcClient jdbc;

  JobPostingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long employerId, JobDetails d, boolean synthetic, Instant now) {
    long id =
        jdbc.sql(
                """
                INSERT INTO job_posting (employer_id, title, summary, taxonomy_code,
                    practice_setting, employment_model, licence_states, imlc_accepted,
                    accepted_boards, procedure_days_per_week, clinic_days_per_week,
                    call_nights_per_month, call_notes, facility_assets, app_support, base_min,
                    base_max, wrvu_rate, wrvu_threshold, bonus, call_pay, call_pay_per_night, sign_on, relocation,
                    loan_repayment, partnership_track, non_compete, visa_sponsorship, start_window,
                    hiring_via, valid_through, telemedicine, status, synthetic, created_at, updated_at)
                VALUES (:employer, :title, :summary, :taxonomy, :setting, :model,
                    CAST(:states AS char(2)[]), :imlc, CAST(:boards AS varchar(10)[]), :procDays,
                    :clinicDays, :callNights, :callNotes, CAST(:assets AS varchar(30)[]),
                    :appSupport, :baseMin, :baseMax, :wrvuRate, :wrvuThreshold, :bonus, :callPay, :callPayPerNight,
                    :signOn, :relocation, :loanRepayment, :partnership, :nonCompete, :visa,
                    :startWindow, :hiringVia, :validThrough, :telemedicine, 'DRAFT', :synthetic, :now, :now)
                RETURNING id
                """)
            .params(parameters(d))
            .param("employer", employerId)
            .param("synthetic", synthetic)
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    insertChildren(id, d);
    return id;
  }

  void update(long id, JobDetails d, Instant now) {
    jdbc.sql(
            """
            UPDATE job_posting SET title = :title, summary = :summary, taxonomy_code = :taxonomy,
                practice_setting = :setting, employment_model = :model,
                licence_states = CAST(:states AS char(2)[]), imlc_accepted = :imlc,
                accepted_boards = CAST(:boards AS varchar(10)[]), procedure_days_per_week = :procDays,
                clinic_days_per_week = :clinicDays, call_nights_per_month = :callNights,
                call_notes = :callNotes, facility_assets = CAST(:assets AS varchar(30)[]),
                app_support = :appSupport, base_min = :baseMin, base_max = :baseMax,
                wrvu_rate = :wrvuRate, wrvu_threshold = :wrvuThreshold, bonus = :bonus,
                call_pay = :callPay, call_pay_per_night = :callPayPerNight, sign_on = :signOn, relocation = :relocation,
                loan_repayment = :loanRepayment, partnership_track = :partnership,
                non_compete = :nonCompete, visa_sponsorship = :visa, start_window = :startWindow,
                hiring_via = :hiringVia, valid_through = :validThrough, telemedicine = :telemedicine,
                updated_at = :now
            WHERE id = :id
            """)
        .params(parameters(d))
        .param("id", id)
        .param("now", Timestamp.from(now))
        .update();
    jdbc.sql("DELETE FROM job_site WHERE job_id = :id").param("id", id).update();
    jdbc.sql("DELETE FROM job_procedure WHERE job_id = :id").param("id", id).update();
    insertChildren(id, d);
  }

  void changeStatus(long id, JobStatus status, Instant now) {
    jdbc.sql(
            """
            UPDATE job_posting SET status = :status, updated_at = :now,
                published_at = CASE WHEN :status = 'PUBLISHED' THEN :now ELSE published_at END,
                closed_at = CASE WHEN :status = 'CLOSED' THEN :now ELSE closed_at END
            WHERE id = :id
            """)
        .param("status", status.name())
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  /** Backdates a synthetic posting's publication so the demo board has an order. */
  void publishedAt(long id, Instant at) {
    jdbc.sql("UPDATE job_posting SET published_at = :at WHERE id = :id")
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  Optional<JobPosting> find(long id) {
    return withChildren(
            jdbc.sql(SELECT + " WHERE j.id = :id").param("id", id).query(this::row).list())
        .stream()
        .findFirst();
  }

  List<JobPosting> ofEmployer(long employerId) {
    return withChildren(
        jdbc.sql(SELECT + " WHERE j.employer_id = :e ORDER BY j.updated_at DESC, j.id DESC")
            .param("e", employerId)
            .query(this::row)
            .list());
  }

  /**
   * Published postings still valid on {@code today} that match the search, at most {@code limit},
   * with the miles to the nearest site when the search has a place.
   */
  List<JobResult> open(JobSearch search, LocalDate today, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("today", Date.valueOf(today));
    params.put("limit", limit);
    String where = JobSearchSql.where(search, params);
    String miles = search.near() == null ? "NULL::float8" : JobSearchSql.nearestMiles();
    String order =
        switch (search.sort()) {
          case HIGHEST_BASE ->
              "COALESCE(j.base_max, j.base_min) DESC NULLS LAST, j.published_at DESC, j.id DESC";
          case NEAREST -> "miles NULLS LAST, j.published_at DESC, j.id DESC";
          case NEWEST -> "j.published_at DESC, j.id DESC";
        };
    List<Row> rows = new ArrayList<>();
    Map<Long, Double> distance = new HashMap<>();
    jdbc.sql(
            "SELECT * FROM (SELECT j.*, e.name AS employer_name, "
                + miles
                + " AS miles FROM job_posting j JOIN employer e ON e.id = j.employer_id WHERE "
                + JobSearchSql.OPEN
                + where
                + ") j ORDER BY "
                + order
                + " LIMIT :limit")
        .params(params)
        .query(
            rs -> {
              Row row = row(rs, rows.size());
              rows.add(row);
              distance.put(row.posting().id(), rs.getObject("miles", Double.class));
            });
    return withChildren(rows).stream().map(p -> new JobResult(p, distance.get(p.id()))).toList();
  }

  /** The IDs of every open posting that matches the search, without limit. */
  List<Long> openIds(JobSearch search, LocalDate today) {
    Map<String, Object> params = new HashMap<>();
    params.put("today", Date.valueOf(today));
    String where = JobSearchSql.where(search, params);
    return jdbc.sql("SELECT j.id FROM job_posting j WHERE " + JobSearchSql.OPEN + where)
        .params(params)
        .query(Long.class)
        .list();
  }

  private void insertChildren(long id, JobDetails d) {
    for (int i = 0; i < d.sites().size(); i++) {
      JobSite s = d.sites().get(i);
      jdbc.sql(
              "INSERT INTO job_site (job_id, position, name, city, state, latitude, longitude)"
                  + " VALUES (:id, :pos, :name, :city, :state, :lat, :lon)")
          .param("id", id)
          .param("pos", i)
          .param("name", s.name())
          .param("city", s.city())
          .param("state", s.state())
          .param("lat", s.latitude(), java.sql.Types.DOUBLE)
          .param("lon", s.longitude(), java.sql.Types.DOUBLE)
          .update();
    }
    for (ProcedureRequirement p : d.procedures()) {
      jdbc.sql(
              "INSERT INTO job_procedure (job_id, procedure, requirement, min_recent_volume)"
                  + " VALUES (:id, :proc, :req, :vol)")
          .param("id", id)
          .param("proc", p.procedure().name())
          .param("req", p.requirement().name())
          .param("vol", p.minRecentVolume())
          .update();
    }
  }

  /** A posting's row before its sites and procedures are attached. */
  private record Row(JobPosting posting) {}

  private Row row(ResultSet rs, int n) throws SQLException {
    Compensation comp =
        new Compensation(
            integer(rs, "base_min"),
            integer(rs, "base_max"),
            rs.getBigDecimal("wrvu_rate"),
            integer(rs, "wrvu_threshold"),
            rs.getString("bonus"),
            rs.getString("call_pay"),
            integer(rs, "call_pay_per_night"),
            integer(rs, "sign_on"),
            integer(rs, "relocation"),
            integer(rs, "loan_repayment"),
            rs.getString("partnership_track"));
    JobDetails details =
        new JobDetails(
            rs.getString("title"),
            rs.getString("summary"),
            PainTaxonomy.ofCode(rs.getString("taxonomy_code")).orElse(PainTaxonomy.PAIN_MEDICINE),
            PracticeSetting.valueOf(rs.getString("practice_setting")),
            EmploymentModel.valueOf(rs.getString("employment_model")),
            List.of(),
            strings(rs.getArray("licence_states")).stream().map(String::strip).toList(),
            rs.getBoolean("imlc_accepted"),
            enums(rs.getArray("accepted_boards"), Board.class, Board::valueOf),
            List.of(),
            rs.getBigDecimal("procedure_days_per_week"),
            rs.getBigDecimal("clinic_days_per_week"),
            integer(rs, "call_nights_per_month"),
            rs.getString("call_notes"),
            enums(rs.getArray("facility_assets"), FacilityAsset.class, FacilityAsset::valueOf),
            rs.getString("app_support"),
            comp,
            rs.getString("non_compete"),
            rs.getBoolean("visa_sponsorship"),
            rs.getString("start_window"),
            HiringVia.valueOf(rs.getString("hiring_via")),
            rs.getDate("valid_through").toLocalDate(),
            rs.getBoolean("telemedicine"));
    Timestamp published = rs.getTimestamp("published_at");
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Row(
        new JobPosting(
            rs.getLong("id"),
            rs.getLong("employer_id"),
            rs.getString("employer_name"),
            details,
            JobStatus.valueOf(rs.getString("status")),
            published == null ? null : published.toInstant(),
            closed == null ? null : closed.toInstant(),
            rs.getBoolean("synthetic")));
  }

  private List<JobPosting> withChildren(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(r -> r.posting().id()).toList();
    Map<Long, List<JobSite>> sites = new HashMap<>();
    jdbc.sql(
            "SELECT job_id, name, city, state, latitude, longitude FROM job_site"
                + " WHERE job_id IN (:ids)"
                + " ORDER BY job_id, position")
        .param("ids", ids)
        .query(
            rs -> {
              sites
                  .computeIfAbsent(rs.getLong("job_id"), k -> new ArrayList<>())
                  .add(
                      new JobSite(
                          rs.getString("name"),
                          rs.getString("city"),
                          rs.getString("state"),
                          rs.getObject("latitude", Double.class),
                          rs.getObject("longitude", Double.class)));
            });
    Map<Long, List<ProcedureRequirement>> procedures = new HashMap<>();
    jdbc.sql(
            "SELECT job_id, procedure, requirement, min_recent_volume FROM job_procedure"
                + " WHERE job_id IN (:ids) ORDER BY job_id, requirement DESC, procedure")
        .param("ids", ids)
        .query(
            rs -> {
              procedures
                  .computeIfAbsent(rs.getLong("job_id"), k -> new ArrayList<>())
                  .add(
                      new ProcedureRequirement(
                          ProcedureFamily.valueOf(rs.getString("procedure")),
                          Requirement.valueOf(rs.getString("requirement")),
                          integer(rs, "min_recent_volume")));
            });
    Map<Long, JobPosting> result = new LinkedHashMap<>();
    for (Row r : rows) {
      JobPosting p = r.posting();
      JobDetails d = p.details();
      JobDetails full =
          new JobDetails(
              d.title(),
              d.summary(),
              d.taxonomy(),
              d.setting(),
              d.employmentModel(),
              List.copyOf(sites.getOrDefault(p.id(), List.of())),
              d.licenceStates(),
              d.imlcAccepted(),
              d.acceptedBoards(),
              List.copyOf(procedures.getOrDefault(p.id(), List.of())),
              d.procedureDaysPerWeek(),
              d.clinicDaysPerWeek(),
              d.callNightsPerMonth(),
              d.callNotes(),
              d.facilityAssets(),
              d.appSupport(),
              d.compensation(),
              d.nonCompete(),
              d.visaSponsorship(),
              d.startWindow(),
              d.hiringVia(),
              d.validThrough(),
              d.telemedicine());
      result.put(
          p.id(),
          new JobPosting(
              p.id(),
              p.employerId(),
              p.employerName(),
              full,
              p.status(),
              p.publishedAt(),
              p.closedAt(),
              p.synthetic()));
    }
    return List.copyOf(result.values());
  }

  private static Map<String, Object> parameters(JobDetails d) {
    Compensation c = d.compensation();
    Map<String, Object> p = new HashMap<>();
    p.put("title", d.title());
    p.put("summary", d.summary());
    p.put("taxonomy", d.taxonomy().code());
    p.put("setting", d.setting().name());
    p.put("model", d.employmentModel().name());
    p.put("states", d.licenceStates().toArray(String[]::new));
    p.put("imlc", d.imlcAccepted());
    p.put("boards", d.acceptedBoards().stream().map(Enum::name).toArray(String[]::new));
    p.put("procDays", d.procedureDaysPerWeek());
    p.put("clinicDays", d.clinicDaysPerWeek());
    p.put("callNights", d.callNightsPerMonth());
    p.put("callNotes", d.callNotes());
    p.put("assets", d.facilityAssets().stream().map(Enum::name).toArray(String[]::new));
    p.put("appSupport", d.appSupport());
    p.put("baseMin", c.baseMin());
    p.put("baseMax", c.baseMax());
    p.put("wrvuRate", c.wrvuRate());
    p.put("wrvuThreshold", c.wrvuThreshold());
    p.put("bonus", c.bonus());
    p.put("callPay", c.callPay());
    p.put("callPayPerNight", c.callPayPerNight());
    p.put("signOn", c.signOn());
    p.put("relocation", c.relocation());
    p.put("loanRepayment", c.loanRepayment());
    p.put("partnership", c.partnershipTrack());
    p.put("nonCompete", d.nonCompete());
    p.put("visa", d.visaSponsorship());
    p.put("startWindow", d.startWindow());
    p.put("hiringVia", d.hiringVia().name());
    p.put("validThrough", Date.valueOf(d.validThrough()));
    p.put("telemedicine", d.telemedicine());
    return p;
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static <E extends Enum<E>> Set<E> enums(
      Array array, Class<E> type, Function<String, E> parse) throws SQLException {
    EnumSet<E> set = EnumSet.noneOf(type);
    for (String s : strings(array)) {
      set.add(parse.apply(s));
    }
    return set;
  }
}
