package org.relief.careers.matching;

import java.util.Comparator;
import java.util.List;
import org.relief.careers.jobs.JobPosting;
import org.relief.careers.jobs.JobPostings;
import org.relief.careers.jobs.JobSearch;
import org.relief.careers.portfolio.Portfolios;
import org.relief.careers.specialists.SpecialistProfile;
import org.relief.careers.specialists.SpecialistProfiles;
import org.relief.platform.NotFound;
import org.springframework.stereotype.Service;

/** A specialist's matches against open postings, each explained by {@link JobMatcher}. */
@Service
public class Matches {

  private final JobMatcher matcher;
  private final JobPostings postings;
  private final SpecialistProfiles profiles;
  private final Portfolios portfolios;

  Matches(
      JobMatcher matcher,
      JobPostings postings,
      SpecialistProfiles profiles,
      Portfolios portfolios) {
    this.matcher = matcher;
    this.postings = postings;
    this.profiles = profiles;
    this.portfolios = portfolios;
  }

  /** How the specialist matches one open posting; a closed or unknown one is "not found". */
  public JobMatch forJob(long userId, long jobId) {
    JobPosting job = postings.publicPosting(jobId);
    if (!job.openOn(postings.today())) {
      throw new NotFound("Job posting " + jobId + " is closed.");
    }
    return match(profiles.own(userId), job);
  }

  /** Open postings matching the search, the best explained matches first. */
  public List<JobMatch> open(long userId, JobSearch search) {
    SpecialistProfile profile = profiles.own(userId);
    var volumes = portfolios.recentVolumes(userId);
    return postings.search(search).stream()
        .map(job -> matcher.match(profile, volumes, job, postings.today()))
        .sorted(
            Comparator.comparingDouble(
                    (JobMatch m) -> m.total() == 0 ? 1 : (double) m.met() / m.total())
                .reversed()
                .thenComparing(
                    m -> m.compensation().totalHigh() == null ? 0 : m.compensation().totalHigh(),
                    Comparator.reverseOrder()))
        .toList();
  }

  public JobMatch match(SpecialistProfile profile, JobPosting job) {
    return matcher.match(
        profile, portfolios.recentVolumes(profile.userId()), job, postings.today());
  }
}
