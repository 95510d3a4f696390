package org.relief.careers.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.careers.employers.Employer;
import org.relief.careers.employers.Employers;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job postings: recruiters write, publish and close their own organisation's postings; anyone reads
 * the published ones that are still valid.
 *
 * <p>Isolation between organisations is enforced here, not in the pages: every recruiter operation
 * starts from the recruiter's own organisation and treats another organisation's posting exactly as
 * one that does not exist (404), so that IDs do not reveal what others have posted (security
 * checklist #2, #28). Expiry needs no job: "open" is computed from the valid-through date and the
 * injected clock on every read.
 */
@Service
public class JobPostings {

  /** The most postings a search page shows. */
  public static final int SEARCH_LIMIT = 50;

  private static final Logger log = LoggerFactory.getLogger(JobPostings.class);
  private static final String AUDIT_TYPE = "JobPosting";

  private final JobPostingRepository postings;
  private final Employers employers;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;
  private final Places places;
  private final ApplicationEventPublisher events;

  JobPostings(
      JobPostingRepository postings,
      Employers employers,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice,
      Places places,
      ApplicationEventPublisher events) {
    this.postings = postings;
    this.employers = employers;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
    this.places = places;
    this.events = events;
  }

  /** The organisation the recruiter works for; without one there is nothing to show. */
  public Employer employerOf(long recruiterId) {
    return employers
        .ofRecruiter(recruiterId)
        .orElseThrow(
            () ->
                new RuleViolation(
                    "no-organisation",
                    "Your account is not linked to an employer organisation yet;"
                        + " ask a practice administrator to add you."));
  }

  public java.util.Optional<Employer> findEmployerOf(long recruiterId) {
    return employers.ofRecruiter(recruiterId);
  }

  public List<JobPosting> ofRecruiter(long recruiterId) {
    return postings.ofEmployer(employerOf(recruiterId).id());
  }

  /** A posting of the recruiter's own organisation; any other is "not found". */
  public JobPosting ownPosting(long recruiterId, long jobId) {
    long employerId = employerOf(recruiterId).id();
    return postings
        .find(jobId)
        .filter(p -> p.employerId() == employerId)
        .orElseThrow(() -> notFound(jobId));
  }

  @Transactional
  public JobPosting create(long recruiterId, JobDetails details) {
    long employerId = employerOf(recruiterId).id();
    JobDetails clean = validated(details);
    long id = postings.insert(employerId, clean, false, now());
    audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    log.info("Job posting {} created for employer {}", id, employerId);
    return postings.find(id).orElseThrow();
  }

  @Transactional
  public JobPosting update(long recruiterId, long jobId, JobDetails details) {
    JobPosting posting = ownPosting(recruiterId, jobId);
    if (posting.status() == JobStatus.CLOSED) {
      throw new RuleViolation(
          "posting-closed",
          "Posting " + jobId + " is closed; closed postings are kept as they were.");
    }
    JobDetails clean = validated(details);
    if (posting.status() == JobStatus.PUBLISHED && clean.validThrough().isBefore(today())) {
      throw new RuleViolation(
          "valid-through-past", "A published posting's valid-through date cannot be in the past.");
    }
    postings.update(jobId, clean, now());
    audit.recordAccess(AuditActions.UPDATE, AUDIT_TYPE, Long.toString(jobId), Outcome.SUCCESS);
    log.info("Job posting {} updated", jobId);
    if (posting.status() == JobStatus.PUBLISHED) {
      events.publishEvent(new PublishedPostingChanged(jobId));
    }
    return postings.find(jobId).orElseThrow();
  }

  @Transactional
  public JobPosting publish(long recruiterId, long jobId) {
    JobPosting posting = ownPosting(recruiterId, jobId);
    if (posting.status() != JobStatus.DRAFT) {
      throw new RuleViolation(
          "not-a-draft",
          "Posting "
              + jobId
              + " is "
              + posting.status().label().toLowerCase()
              + "; only drafts"
              + " can be published.");
    }
    if (posting.details().validThrough().isBefore(today())) {
      throw new RuleViolation(
          "valid-through-past",
          "Posting "
              + jobId
              + " was valid through "
              + posting.details().validThrough()
              + "; set a later date before publishing.");
    }
    postings.changeStatus(jobId, JobStatus.PUBLISHED, now());
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(jobId), Outcome.SUCCESS, "publish");
    log.info("Job posting {} published", jobId);
    events.publishEvent(new JobPostingPublished(jobId));
    return postings.find(jobId).orElseThrow();
  }

  @Transactional
  public JobPosting close(long recruiterId, long jobId) {
    JobPosting posting = ownPosting(recruiterId, jobId);
    if (posting.status() == JobStatus.CLOSED) {
      throw new RuleViolation("already-closed", "Posting " + jobId + " is already closed.");
    }
    postings.changeStatus(jobId, JobStatus.CLOSED, now());
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(jobId), Outcome.SUCCESS, "close");
    log.info("Job posting {} closed", jobId);
    return postings.find(jobId).orElseThrow();
  }

  /** The public board: published postings still valid today that match the search. */
  public List<JobPosting> search(JobSearch search) {
    return board(search).stream().map(JobResult::posting).toList();
  }

  /** The board's page: like {@link #search}, with the distance when the search has a place. */
  public List<JobResult> board(JobSearch search) {
    return postings.open(search, today(), SEARCH_LIMIT);
  }

  /** Every open posting the search lists, by ID, without the page limit. */
  public List<Long> openIds(JobSearch search) {
    return postings.openIds(search, today());
  }

  /**
   * A posting as the public may know it: published or closed once published. Drafts do not exist
   * for the public. Whether it is still open is for the caller to ask with {@link #today()}.
   */
  public JobPosting publicPosting(long jobId) {
    return postings
        .find(jobId)
        .filter(p -> p.publishedAt() != null)
        .orElseThrow(() -> notFound(jobId));
  }

  /** A synthetic demo posting, published at {@code publishedAt} without a recruiter. */
  @Transactional
  public long seedSynthetic(long employerId, JobDetails details, Instant publishedAt) {
    long id = postings.insert(employerId, validated(details), true, publishedAt);
    postings.changeStatus(id, JobStatus.PUBLISHED, publishedAt);
    postings.publishedAt(id, publishedAt);
    events.publishEvent(new JobPostingPublished(id));
    return id;
  }

  /** Today where the practice is. */
  public LocalDate today() {
    return practice.today(clock);
  }

  private Instant now() {
    return clock.instant();
  }

  private static NotFound notFound(long jobId) {
    return new NotFound("There is no job posting " + jobId + ".");
  }

  /** Places each site at its city's point in the place table, when the table has the city. */
  private JobDetails located(JobDetails d) {
    return d.withSites(
        d.sites().stream()
            .map(
                s ->
                    places
                        .site(s.city(), s.state())
                        .map(
                            p ->
                                new JobSite(
                                    s.name(), s.city(), s.state(), p.latitude(), p.longitude()))
                        .orElse(new JobSite(s.name(), s.city(), s.state())))
            .toList());
  }

  private JobDetails validated(JobDetails d) {
    return located(checked(d));
  }

  private static JobDetails checked(JobDetails d) {
    String title = text(d.title(), 160, "title");
    if (title.length() < 3) {
      throw new RuleViolation(
          "missing-title", "Give the posting a title of at least 3 characters.");
    }
    if (d.taxonomy() == null || d.setting() == null || d.employmentModel() == null) {
      throw new RuleViolation(
          "missing-choice", "Choose the specialty, practice setting and employment model.");
    }
    if (d.hiringVia() == null) {
      throw new RuleViolation(
          "missing-hiring-via", "Say whether you hire directly or as an agency.");
    }
    if (d.sites().isEmpty()) {
      throw new RuleViolation("missing-site", "Give at least one site with its city and state.");
    }
    if (d.sites().size() > 10) {
      throw new RuleViolation("too-many-sites", "A posting names at most 10 sites.");
    }
    for (JobSite s : d.sites()) {
      if (s.city() == null || s.city().isBlank() || UsStates.code(s.state()) == null) {
        throw new RuleViolation(
            "invalid-site", "Each site needs a city and a two-letter US state such as TX.");
      }
    }
    if (new HashSet<>(d.procedures().stream().map(ProcedureRequirement::procedure).toList()).size()
        != d.procedures().size()) {
      throw new RuleViolation("duplicate-procedure", "Name each procedure once.");
    }
    Compensation c = d.compensation();
    if (c.baseMin() != null && c.baseMax() != null && c.baseMin() > c.baseMax()) {
      throw new RuleViolation(
          "base-range", "The lowest base salary cannot be above the highest base salary.");
    }
    if (d.validThrough() == null) {
      throw new RuleViolation(
          "missing-valid-through", "Give the date through which the posting is valid.");
    }
    text(d.summary(), 4000, "description");
    for (String[] field :
        new String[][] {
          {d.callNotes(), "call notes"},
          {d.appSupport(), "APP support"},
          {c.bonus(), "bonus"},
          {c.callPay(), "call pay"},
          {c.partnershipTrack(), "partnership track"},
          {d.nonCompete(), "non-compete summary"}
        }) {
      text(field[0], 300, field[1]);
    }
    text(d.startWindow(), 120, "start window");
    return new JobDetails(
        title,
        text(d.summary(), 4000, "description"),
        d.taxonomy(),
        d.setting(),
        d.employmentModel(),
        d.sites().stream()
            .map(
                s ->
                    new JobSite(
                        text(s.name(), 160, "site name"),
                        s.city().strip(),
                        UsStates.code(s.state())))
            .toList(),
        d.licenceStates(),
        d.imlcAccepted(),
        d.acceptedBoards(),
        d.procedures(),
        d.procedureDaysPerWeek(),
        d.clinicDaysPerWeek(),
        d.callNightsPerMonth(),
        text(d.callNotes(), 300, "call notes"),
        d.facilityAssets(),
        text(d.appSupport(), 300, "APP support"),
        c,
        text(d.nonCompete(), 300, "non-compete summary"),
        d.visaSponsorship(),
        text(d.startWindow(), 120, "start window"),
        d.hiringVia(),
        d.validThrough(),
        d.telemedicine());
  }

  private static String text(String value, int max, String field) {
    String v = value == null ? "" : value.strip();
    if (v.length() > max) {
      throw new RuleViolation("too-long", "The " + field + " has at most " + max + " characters.");
    }
    return v;
  }
}
