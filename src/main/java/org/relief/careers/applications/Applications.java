package org.relief.careers.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.careers.jobs.JobPosting;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.specialists.FormValues;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications and the employer's pipeline. A specialist applies once per posting with their
 * profile and portfolio; the posting's organisation moves the application through its stages with
 * notes. Isolation: every recruiter operation starts from the recruiter's own organisation, and an
 * application of another organisation is "not found", exactly as for postings.
 */
@Service
public class Applications {

  private static final Logger log = LoggerFactory.getLogger(Applications.class);
  private static final String AUDIT_TYPE = "JobApplication";
  private static final String SELECT =
      "SELECT a.*, j.title AS job_title, e.name AS employer_name FROM job_application a"
          + " JOIN job_posting j ON j.id = a.job_id JOIN employer e ON e.id = a.employer_id";

  private final JdbcClient jdbc;
  private final JobPostings postings;
  private final SpecialistProfiles profiles;
  private final AuditTrail audit;
  private final Clock clock;

  Applications(
      JdbcClient jdbc,
      JobPostings postings,
      SpecialistProfiles profiles,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.postings = postings;
    this.profiles = profiles;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Application apply(long specialistUserId, long jobId, String coverNote) {
    profiles.own(specialistUserId);
    JobPosting job = postings.publicPosting(jobId);
    if (!job.openOn(postings.today())) {
      throw new RuleViolation(
          "posting-closed", "This posting is closed; it takes no applications.");
    }
    if (forJob(specialistUserId, jobId).isPresent()) {
      throw new RuleViolation("already-applied", "You have already applied for this posting.");
    }
    String note = FormValues.text(coverNote, 2000, "note to the employer");
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                "INSERT INTO job_application (job_id, employer_id, specialist_user_id, stage,"
                    + " cover_note, applied_at, stage_changed_at) VALUES (:job, :employer, :s,"
                    + " 'APPLIED', :note, :now, :now) RETURNING id")
            .param("job", jobId)
            .param("employer", job.employerId())
            .param("s", specialistUserId)
            .param("note", note)
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    event(id, true, Stage.APPLIED, "", specialistUserId, now);
    audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    log.info("Application {} to job posting {}", id, jobId);
    return get(id);
  }

  /** A stage change with its own time, for {@link #seedSynthetic}. */
  public record StageChange(Stage to, Instant at, String note) {}

  /**
   * A synthetic application for the demo practice, dated in the past so that stage times and time
   * to fill have something to show: applied at {@code appliedAt}, then moved by {@code recruiterId}
   * (who must work for the posting's organisation) through {@code changes}, each checked against
   * the pipeline's order as {@link #move} checks it.
   */
  @Transactional
  public Application seedSynthetic(
      long specialistUserId,
      long jobId,
      String coverNote,
      Instant appliedAt,
      long recruiterId,
      List<StageChange> changes) {
    profiles.own(specialistUserId);
    JobPosting job = postings.publicPosting(jobId);
    if (postings.employerOf(recruiterId).id() != job.employerId()) {
      throw new NotFound("There is no job posting " + jobId + ".");
    }
    if (!job.openOn(postings.today())) {
      throw new RuleViolation(
          "posting-closed", "This posting is closed; it takes no applications.");
    }
    if (forJob(specialistUserId, jobId).isPresent()) {
      throw new RuleViolation("already-applied", "You have already applied for this posting.");
    }
    Instant now = clock.instant();
    if (appliedAt.isAfter(now) || appliedAt.isBefore(job.publishedAt())) {
      throw new RuleViolation(
          "application-date", "An application is dated between publication and now.");
    }
    long id =
        jdbc.sql(
                "INSERT INTO job_application (job_id, employer_id, specialist_user_id, stage,"
                    + " cover_note, applied_at, stage_changed_at) VALUES (:job, :employer, :s,"
                    + " 'APPLIED', :note, :at, :at) RETURNING id")
            .param("job", jobId)
            .param("employer", job.employerId())
            .param("s", specialistUserId)
            .param("note", FormValues.text(coverNote, 2000, "note to the employer"))
            .param("at", Timestamp.from(appliedAt))
            .query(Long.class)
            .single();
    event(id, true, Stage.APPLIED, "", specialistUserId, appliedAt);
    Stage stage = Stage.APPLIED;
    Instant last = appliedAt;
    for (StageChange c : changes) {
      if (c.to() == null || !stage.next().contains(c.to())) {
        throw new RuleViolation(
            "stage-order",
            "From " + stage.label().toLowerCase() + " an application cannot move there.");
      }
      if (c.at().isBefore(last) || c.at().isAfter(now)) {
        throw new RuleViolation(
            "stage-date", "Stage changes are dated in order, after the application, until now.");
      }
      jdbc.sql("UPDATE job_application SET stage = :stage, stage_changed_at = :at WHERE id = :id")
          .param("stage", c.to().name())
          .param("at", Timestamp.from(c.at()))
          .param("id", id)
          .update();
      event(id, true, c.to(), FormValues.text(c.note(), 2000, "note"), recruiterId, c.at());
      stage = c.to();
      last = c.at();
    }
    audit.recordAccess(
        AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS, "synthetic");
    return get(id);
  }

  public Optional<Application> forJob(long specialistUserId, long jobId) {
    return jdbc.sql(SELECT + " WHERE a.specialist_user_id = :s AND a.job_id = :job")
        .param("s", specialistUserId)
        .param("job", jobId)
        .query(Applications::application)
        .optional();
  }

  public List<Application> ofSpecialist(long specialistUserId) {
    return jdbc.sql(SELECT + " WHERE a.specialist_user_id = :s ORDER BY a.applied_at DESC")
        .param("s", specialistUserId)
        .query(Applications::application)
        .list();
  }

  /** The applications to the recruiter's own organisation's postings. */
  public List<Application> ofRecruiter(long recruiterId) {
    long employerId = postings.employerOf(recruiterId).id();
    return jdbc.sql(SELECT + " WHERE a.employer_id = :e ORDER BY a.stage_changed_at DESC")
        .param("e", employerId)
        .query(Applications::application)
        .list();
  }

  /** An application to the recruiter's own organisation; any other is "not found". */
  public Application own(long recruiterId, long applicationId) {
    long employerId = postings.employerOf(recruiterId).id();
    Application a =
        find(applicationId)
            .filter(x -> x.employerId() == employerId)
            .orElseThrow(() -> new NotFound("There is no application " + applicationId + "."));
    audit.recordAccess(
        AuditActions.READ, AUDIT_TYPE, Long.toString(applicationId), Outcome.SUCCESS);
    return a;
  }

  @Transactional
  public Application move(long recruiterId, long applicationId, Stage to, String note) {
    Application a = own(recruiterId, applicationId);
    if (to == null) {
      throw new RuleViolation("missing-stage", "Choose the stage to move the application to.");
    }
    if (!a.stage().next().contains(to)) {
      throw new RuleViolation(
          "stage-order",
          a.stage().closed()
              ? "This application is " + a.stage().label().toLowerCase() + "; it moves no further."
              : "From "
                  + a.stage().label().toLowerCase()
                  + " an application moves to "
                  + String.join(
                      " or ", a.stage().next().stream().map(s -> s.label().toLowerCase()).toList())
                  + ".");
    }
    Instant now = clock.instant();
    jdbc.sql("UPDATE job_application SET stage = :stage, stage_changed_at = :now WHERE id = :id")
        .param("stage", to.name())
        .param("now", Timestamp.from(now))
        .param("id", applicationId)
        .update();
    event(applicationId, true, to, FormValues.text(note, 2000, "note"), recruiterId, now);
    audit.recordAccess(
        AuditActions.UPDATE,
        AUDIT_TYPE,
        Long.toString(applicationId),
        Outcome.SUCCESS,
        "stage " + to.name());
    log.info("Application {} moved to {}", applicationId, to);
    return get(applicationId);
  }

  @Transactional
  public void note(long recruiterId, long applicationId, String note) {
    Application a = own(recruiterId, applicationId);
    String text = FormValues.requiredText(note, 2000, "note");
    event(applicationId, false, a.stage(), text, recruiterId, clock.instant());
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(applicationId), Outcome.SUCCESS, "note");
  }

  /** Stage changes and notes, oldest first; for the recruiter, call {@link #own} first. */
  public List<ApplicationEvent> history(long applicationId) {
    return jdbc.sql("SELECT * FROM application_event WHERE application_id = :a ORDER BY at, id")
        .param("a", applicationId)
        .query(
            (rs, n) ->
                new ApplicationEvent(
                    rs.getLong("id"),
                    rs.getString("kind").equals("STAGE"),
                    Stage.valueOf(rs.getString("stage")),
                    rs.getString("note"),
                    rs.getLong("by_user"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  /** Time to fill for the recruiter's organisation. */
  public FillReport timeToFill(long recruiterId) {
    List<Application> all = ofRecruiter(recruiterId);
    Instant now = clock.instant();
    List<FillReport.Row> rows = new ArrayList<>();
    List<Long> filled = new ArrayList<>();
    for (JobPosting job : postings.ofRecruiter(recruiterId)) {
      if (job.publishedAt() == null) {
        continue;
      }
      List<Application> mine = all.stream().filter(a -> a.jobId() == job.id()).toList();
      Optional<Instant> firstAccepted =
          mine.stream()
              .filter(a -> a.stage() == Stage.ACCEPTED)
              .map(Application::stageChangedAt)
              .min(Instant::compareTo);
      Long days =
          firstAccepted.map(t -> Duration.between(job.publishedAt(), t).toDays()).orElse(null);
      if (days != null) {
        filled.add(days);
      }
      rows.add(
          new FillReport.Row(
              job.id(),
              job.details().title(),
              mine.size(),
              (int) mine.stream().filter(a -> a.stage() == Stage.ACCEPTED).count(),
              days,
              days == null ? Duration.between(job.publishedAt(), now).toDays() : null));
    }
    Map<Stage, List<Duration>> spent = new EnumMap<>(Stage.class);
    for (Application a : all) {
      List<ApplicationEvent> stages =
          history(a.id()).stream().filter(ApplicationEvent::stageChange).toList();
      for (int i = 0; i < stages.size(); i++) {
        ApplicationEvent e = stages.get(i);
        if (e.stage().closed()) {
          continue;
        }
        Instant end = i + 1 < stages.size() ? stages.get(i + 1).at() : now;
        spent.computeIfAbsent(e.stage(), k -> new ArrayList<>()).add(Duration.between(e.at(), end));
      }
    }
    Map<Stage, Double> average = new EnumMap<>(Stage.class);
    spent.forEach(
        (stage, list) ->
            average.put(
                stage,
                list.stream().mapToLong(Duration::toMinutes).average().orElse(0) / (60.0 * 24)));
    return new FillReport(rows, median(filled), average);
  }

  private static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private Application get(long id) {
    return find(id).orElseThrow();
  }

  private Optional<Application> find(long id) {
    return jdbc.sql(SELECT + " WHERE a.id = :id")
        .param("id", id)
        .query(Applications::application)
        .optional();
  }

  private void event(long applicationId, boolean stage, Stage s, String note, long by, Instant at) {
    jdbc.sql(
            "INSERT INTO application_event (application_id, kind, stage, note, by_user, at)"
                + " VALUES (:a, :kind, :stage, :note, :by, :at)")
        .param("a", applicationId)
        .param("kind", stage ? "STAGE" : "NOTE")
        .param("stage", s.name())
        .param("note", note)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
  }

  private static Application application(ResultSet rs, int n) throws SQLException {
    return new Application(
        rs.getLong("id"),
        rs.getLong("job_id"),
        rs.getString("job_title"),
        rs.getLong("employer_id"),
        rs.getString("employer_name"),
        rs.getLong("specialist_user_id"),
        Stage.valueOf(rs.getString("stage")),
        rs.getString("cover_note"),
        rs.getTimestamp("applied_at").toInstant(),
        rs.getTimestamp("stage_changed_at").toInstant());
  }
}
