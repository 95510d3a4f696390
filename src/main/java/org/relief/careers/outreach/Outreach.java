package org.relief.careers.outreach;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.careers.employers.Employer;
import org.relief.careers.employers.Employers;
import org.relief.careers.jobs.JobPosting;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.jobs.JobSite;
import org.relief.careers.matching.JobMatch;
import org.relief.careers.matching.Matches;
import org.relief.careers.specialists.SpecialistProfile;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent-gated outreach (careers.md, "recruiters may contact a specialist only if the job meets
 * that specialist's private criteria and the specialist allows contact; the message says why they
 * were matched. No bulk export of candidates").
 *
 * <p>Design notes. Who may be contacted is decided afresh on every list and every send by {@link
 * org.relief.careers.matching.JobMatcher} ({@code fitsPreferences}), so a specialist who withdraws
 * consent, tightens their criteria or blocks the organisation drops off at once. The recruiter's
 * view ({@link Candidate}) has no field for the criteria or the case counts. Every refusal to send
 * says the same thing whichever condition failed, so that a recruiter cannot probe a specialist's
 * private criteria by trying to write to them. The list is paged with a hard cap, there is no
 * export, and a message goes to one specialist at a time, counted against a daily limit.
 */
@Service
public class Outreach {

  private static final Logger log = LoggerFactory.getLogger(Outreach.class);
  private static final String AUDIT_TYPE = "OutreachMessage";
  private static final int INBOX_LIMIT = 200;

  private final OutreachRepository repository;
  private final JobPostings postings;
  private final Employers employers;
  private final Matches matches;
  private final SpecialistProfiles profiles;
  private final UserAccounts accounts;
  private final AuditTrail audit;
  private final OutreachSettings settings;
  private final Clock clock;
  private final PracticeSettings practice;

  Outreach(
      OutreachRepository repository,
      JobPostings postings,
      Employers employers,
      Matches matches,
      SpecialistProfiles profiles,
      UserAccounts accounts,
      AuditTrail audit,
      OutreachSettings settings,
      Clock clock,
      PracticeSettings practice) {
    this.repository = repository;
    this.postings = postings;
    this.employers = employers;
    this.matches = matches;
    this.profiles = profiles;
    this.accounts = accounts;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
    this.practice = practice;
  }

  /** One page (from 1) of the specialists the recruiter may contact about their own posting. */
  public ContactList contactable(long recruiterId, long jobId, int page) {
    JobPosting job = ownOpenPosting(recruiterId, jobId);
    List<Candidate> all = candidates(job);
    boolean capped = all.size() > settings.maxListed();
    List<Candidate> listed = capped ? all.subList(0, settings.maxListed()) : all;
    int pages = Math.max(1, (listed.size() + settings.pageSize() - 1) / settings.pageSize());
    int p = Math.min(Math.max(page, 1), pages);
    int from = (p - 1) * settings.pageSize();
    List<Candidate> shown =
        List.copyOf(listed.subList(from, Math.min(listed.size(), from + settings.pageSize())));
    audit.recordAccess(
        AuditActions.SEARCH,
        "OutreachList",
        Long.toString(jobId),
        Outcome.SUCCESS,
        "page " + p + ", " + shown.size() + " shown");
    return new ContactList(job, shown, p, pages, listed.size(), capped);
  }

  /** The recruiter's own organisation's open posting, to write about. */
  public JobPosting posting(long recruiterId, long jobId) {
    return ownOpenPosting(recruiterId, jobId);
  }

  /** One specialist on the posting's list, for writing to; anyone else is refused. */
  public Candidate candidate(long recruiterId, long jobId, long specialistId) {
    JobPosting job = ownOpenPosting(recruiterId, jobId);
    return view(contactableMatch(job, specialistId), repository.contacted(jobId));
  }

  /**
   * Sends one message to one specialist on the posting's list, with "why you were matched"
   * attached; returns its ID.
   */
  @Transactional
  public long send(long recruiterId, long jobId, long specialistId, String body) {
    JobPosting job = ownOpenPosting(recruiterId, jobId);
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw new RuleViolation("empty-message", "Write a message before sending it.");
    }
    if (text.length() > OutreachSettings.MAX_BODY) {
      throw new RuleViolation(
          "message-too-long",
          "A message has at most "
              + OutreachSettings.MAX_BODY
              + " characters; this one has "
              + text.length()
              + ".");
    }
    JobMatch match = contactableMatch(job, specialistId).match();
    repository.lockRecruiter(recruiterId);
    if (repository.exists(jobId, specialistId)) {
      throw new RuleViolation(
          "already-contacted",
          "Your organisation has already written to this specialist about posting "
              + jobId
              + "; wait for their answer in your sent messages.");
    }
    Instant dayStart = today().atStartOfDay(practice.timeZone()).toInstant();
    int sent = repository.sentSince(recruiterId, dayStart);
    if (sent >= settings.dailyLimit()) {
      throw new DailyLimitReached(
          "You have sent "
              + sent
              + " messages today, the most a recruiter may send in a day (setting"
              + " relief.careers.outreach.daily-limit = "
              + settings.dailyLimit()
              + "). Write again tomorrow.");
    }
    long id =
        repository.insert(
            jobId,
            job.employerId(),
            recruiterId,
            specialistId,
            text,
            MatchReasons.of(match),
            clock.instant());
    audit.recordAccess(
        AuditActions.CREATE,
        AUDIT_TYPE,
        Long.toString(id),
        Outcome.SUCCESS,
        "job " + jobId + " to specialist " + specialistId);
    log.info("Outreach message {} sent about job {} to specialist {}", id, jobId, specialistId);
    return id;
  }

  /** The messages the recruiter's organisation has sent, newest first, with their answers. */
  public List<SentMessage> sent(long recruiterId) {
    Employer employer = postings.employerOf(recruiterId);
    return repository.sentByEmployer(employer.id(), INBOX_LIMIT).stream()
        .map(
            r ->
                new SentMessage(
                    r.id(),
                    r.jobId(),
                    r.jobTitle(),
                    r.specialistId(),
                    accounts.get(r.specialistId()).displayName(),
                    accounts.get(r.recruiterId()).displayName(),
                    r.body(),
                    r.sentAt(),
                    r.answer(),
                    r.answerNote()))
        .toList();
  }

  /** The specialist's own inbox, newest first. */
  public List<InboxMessage> inbox(long specialistId) {
    var rows = repository.inbox(specialistId, INBOX_LIMIT);
    Map<Long, List<ReasonLine>> reasons =
        repository.reasons(rows.stream().map(OutreachRepository.InboxRow::id).toList());
    return rows.stream()
        .map(
            r ->
                new InboxMessage(
                    r.id(),
                    r.jobId(),
                    r.jobTitle(),
                    r.employerId(),
                    r.employerName(),
                    accounts.get(r.recruiterId()).displayName(),
                    r.body(),
                    r.sentAt(),
                    r.answer(),
                    r.answerNote(),
                    r.answeredAt(),
                    r.blocked(),
                    reasons.getOrDefault(r.id(), List.of())))
        .toList();
  }

  /** Answers one of the specialist's own messages; another's is "not found". */
  @Transactional
  public void answer(long specialistId, long messageId, Answer answer, String note) {
    long id =
        repository
            .ownedBySpecialist(messageId, specialistId)
            .orElseThrow(
                () -> new NotFound("There is no message " + messageId + " in your inbox."));
    if (answer == null) {
      throw new RuleViolation("missing-answer", "Choose interested or not interested.");
    }
    String text = note == null ? "" : note.strip();
    if (text.length() > OutreachSettings.MAX_NOTE) {
      throw new RuleViolation(
          "note-too-long", "A note has at most " + OutreachSettings.MAX_NOTE + " characters.");
    }
    repository.answer(id, answer, text, clock.instant());
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS, answer.name());
    log.info("Outreach message {} answered {}", id, answer);
  }

  /** The specialist stops an organisation's recruiters from seeing or reaching them. */
  @Transactional
  public void block(long specialistId, long employerId) {
    profiles.own(specialistId);
    employers.get(employerId);
    repository.block(specialistId, employerId, clock.instant());
    audit.recordAccess(
        AuditActions.UPDATE,
        "OutreachBlock",
        Long.toString(specialistId),
        Outcome.SUCCESS,
        "block employer " + employerId);
    log.info("Specialist {} blocked employer {}", specialistId, employerId);
  }

  @Transactional
  public void unblock(long specialistId, long employerId) {
    if (!repository.unblock(specialistId, employerId)) {
      throw new NotFound("You have not blocked organisation " + employerId + ".");
    }
    audit.recordAccess(
        AuditActions.UPDATE,
        "OutreachBlock",
        Long.toString(specialistId),
        Outcome.SUCCESS,
        "unblock employer " + employerId);
  }

  List<OutreachRepository.BlockedEmployer> blocks(long specialistId) {
    return repository.blocks(specialistId);
  }

  /** The time zone the practice counts its days in. */
  public java.time.ZoneId zone() {
    return practice.timeZone();
  }

  /** Today where the practice is. */
  public java.time.LocalDate today() {
    return practice.today(clock);
  }

  /**
   * The recruiter's own organisation's open posting. Another organisation's published posting is on
   * the public board, so saying whose it is reveals nothing: it is refused (403). Drafts of others
   * and unknown IDs stay "not found".
   */
  private JobPosting ownOpenPosting(long recruiterId, long jobId) {
    long employerId = postings.employerOf(recruiterId).id();
    JobPosting job;
    try {
      job = postings.ownPosting(recruiterId, jobId);
    } catch (NotFound e) {
      JobPosting other = postings.publicPosting(jobId);
      log.info(
          "Recruiter {} refused outreach on job {} of employer {}",
          recruiterId,
          jobId,
          other.employerId());
      audit.recordAccess(
          AuditActions.ACCESS_DENIED,
          "OutreachList",
          Long.toString(jobId),
          Outcome.DENIED,
          "employer " + employerId + " is not the posting's");
      throw new OutreachRefused(
          "other-organisation",
          "Job posting "
              + jobId
              + " belongs to another organisation; you can contact specialists only about your"
              + " own organisation's postings.");
    }
    if (!job.openOn(today())) {
      throw new RuleViolation(
          "posting-not-open",
          "Posting "
              + jobId
              + " is not open (a draft, closed, or past its valid-through date); specialists can be"
              + " contacted only about an open, published posting.");
    }
    return job;
  }

  private List<Candidate> candidates(JobPosting job) {
    Map<Long, Instant> contacted = repository.contacted(job.id());
    List<Candidate> out = new ArrayList<>();
    for (long id : mayFit(job)) {
      Optional<SpecialistProfile> profile = profiles.find(id);
      if (profile.isEmpty()) {
        continue;
      }
      JobMatch m = matches.match(profile.get(), job);
      if (contactable(profile.get(), m)) {
        out.add(view(new Qualified(profile.get(), m), contacted));
      }
    }
    out.sort(
        Comparator.comparingDouble(
                (Candidate c) ->
                    c.checks().isEmpty()
                        ? 1
                        : (double) c.checks().stream().filter(Candidate.Check::met).count()
                            / c.checks().size())
            .reversed()
            .thenComparingLong(Candidate::userId));
    return out;
  }

  private List<Long> mayFit(JobPosting job) {
    return repository.mayFit(
        job.employerId(),
        job.details().sites().stream().map(JobSite::state).distinct().toArray(String[]::new),
        job.details().setting().name(),
        job.details().callNightsPerMonth());
  }

  private record Qualified(SpecialistProfile profile, JobMatch match) {}

  private Qualified contactableMatch(JobPosting job, long specialistId) {
    Optional<SpecialistProfile> profile = profiles.find(specialistId);
    if (profile.isPresent() && !repository.blocked(specialistId, job.employerId())) {
      JobMatch m = matches.match(profile.get(), job);
      if (contactable(profile.get(), m)) {
        return new Qualified(profile.get(), m);
      }
    }
    audit.recordAccess(
        AuditActions.ACCESS_DENIED,
        AUDIT_TYPE,
        Long.toString(job.id()),
        Outcome.DENIED,
        "specialist " + specialistId + " not contactable");
    throw new RuleViolation(
        "not-contactable",
        "This specialist is not on the list of specialists you may contact about posting "
            + job.id()
            + ": either they do not allow recruiters to contact them, or this posting does not"
            + " meet what they are looking for. Relief does not say which.");
  }

  private static boolean contactable(SpecialistProfile profile, JobMatch m) {
    return profile.preferences().allowContact() && m.fitsPreferences();
  }

  private Candidate view(Qualified q, Map<Long, Instant> contacted) {
    SpecialistProfile p = q.profile();
    JobMatch m = q.match();
    return new Candidate(
        p.userId(),
        accounts.get(p.userId()).displayName(),
        p.homeState(),
        p.fellowship(),
        m.summary(),
        m.checks().stream().map(c -> new Candidate.Check(c.name(), c.met())).toList(),
        m.states().stream().map(s -> s.state() + ": " + s.licence().label()).toList(),
        contacted.get(p.userId()));
  }
}
