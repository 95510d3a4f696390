package org.relief.careers.alerts;

import java.time.Clock;
import java.util.List;
import org.relief.careers.jobs.JobPosting;
import org.relief.careers.jobs.JobPostingPublished;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.jobs.JobSearch;
import org.relief.careers.jobs.JobSearchForm;
import org.relief.careers.jobs.Places;
import org.relief.careers.jobs.PublishedPostingChanged;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A specialist's saved board searches and the alerts they raise.
 *
 * <p>Design: a posting alerts a saved search when it is published, or when a published posting is
 * changed, and the saved search — run on the board at that moment — would list it. The match is
 * recorded in the transaction that publishes or changes the posting (a synchronous listener), so an
 * alert exists exactly when the posting does; the key (saved search, posting) makes it happen at
 * most once however often the posting changes. Postings the search already listed when it was saved
 * are recorded as a baseline and never shown as new. Matching runs in SQL with the board's own
 * filters ({@code jobs.JobSearchSql}), one statement for every saved search at once.
 *
 * <p>Ownership: every operation starts from the signed-in specialist's account ID; another
 * specialist's saved search is treated as one that does not exist (404).
 */
@Service
public class SavedSearches {

  private static final Logger log = LoggerFactory.getLogger(SavedSearches.class);

  private final SavedSearchRepository searches;
  private final JobPostings postings;
  private final Places places;
  private final AlertSettings settings;
  private final Clock clock;

  SavedSearches(
      SavedSearchRepository searches,
      JobPostings postings,
      Places places,
      AlertSettings settings,
      Clock clock) {
    this.searches = searches;
    this.postings = postings;
    this.places = places;
    this.settings = settings;
    this.clock = clock;
  }

  /** Saves the board search as typed under a name of the specialist's choosing. */
  @Transactional
  public SavedSearch save(long specialistId, String name, JobSearchForm form, boolean notify) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      throw new RuleViolation("missing-name", "Give the search a name, such as 'Near Austin'.");
    }
    if (clean.length() > 80) {
      throw new RuleViolation("too-long", "A search's name has at most 80 characters.");
    }
    JobSearch search = form.search(places);
    if (searches.nameTaken(specialistId, clean)) {
      throw new RuleViolation(
          "duplicate-name", "You already have a saved search called '" + clean + "'.");
    }
    if (searches.countOf(specialistId) >= settings.maxSavedSearches()) {
      throw new RuleViolation(
          "too-many-searches",
          "You can keep at most "
              + settings.maxSavedSearches()
              + " saved searches; delete one you no longer use.");
    }
    long id = searches.insert(specialistId, clean, search, form.near(), notify, clock.instant());
    int known = searches.recordBaseline(id, postings.today(), clock.instant());
    log.info("Saved search {} created by {} ({} postings already listed)", id, specialistId, known);
    return searches.find(id, postings.today()).orElseThrow();
  }

  public List<SavedSearch> mine(long specialistId) {
    return searches.ofSpecialist(specialistId, postings.today());
  }

  /** One of the specialist's own saved searches; any other is "not found". */
  public SavedSearch own(long specialistId, long id) {
    return searches
        .find(id, postings.today())
        .filter(s -> s.specialistId() == specialistId)
        .orElseThrow(() -> new NotFound("There is no saved search " + id + "."));
  }

  @Transactional
  public void delete(long specialistId, long id) {
    own(specialistId, id);
    searches.delete(id);
    log.info("Saved search {} deleted by {}", id, specialistId);
  }

  /** Open postings that newly matched the specialist's saved searches since they last looked. */
  public List<NewMatch> newMatches(long specialistId) {
    return searches.newMatches(specialistId, postings.today());
  }

  /** How many open postings are new matches, for the count on the careers pages. */
  public int newMatchCount(long specialistId) {
    return searches.countNew(specialistId, postings.today());
  }

  @Transactional
  public int markSeen(long specialistId) {
    return searches.markSeen(specialistId, clock.instant());
  }

  @EventListener
  void on(JobPostingPublished published) {
    recordMatches(published.jobId());
  }

  @EventListener
  void on(PublishedPostingChanged changed) {
    recordMatches(changed.jobId());
  }

  private void recordMatches(long jobId) {
    List<Long> matched = searches.recordMatches(jobId, postings.today(), clock.instant());
    if (matched.isEmpty()) {
      return;
    }
    List<Long> owners = searches.ownersToNotify(matched);
    if (!owners.isEmpty()) {
      JobPosting posting = postings.publicPosting(jobId);
      String body =
          "A new job matches your saved search on Relief: "
              + posting.details().title()
              + "\n"
              + settings.linkBaseUrl()
              + "/jobs/"
              + jobId;
      for (long owner : owners) {
        searches.message(owner, "job-alert", body, clock.instant());
      }
    }
    log.info(
        "Job posting {} newly matches {} saved searches; {} messages queued",
        jobId,
        matched.size(),
        owners.size());
  }
}
