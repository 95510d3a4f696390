package org.relief.assessments.questionnaires;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of questionnaires sent to patients ({@code relief.assessments.questionnaires.*}).
 *
 * @param linkLifetime how long a link can be used after it is created (7 days unless set)
 * @param linkRequestsPerMinute how many requests to patient links one client address may make per
 *     minute before it is answered 429 (60 unless set: a patient taking a second per answer stays
 *     well below it, a guesser does not get far)
 * @param publicBaseUrl the address patients reach Relief at ({@code https://relief.example.org}),
 *     when it differs from the one staff use; links are built from the staff request otherwise
 */
@ConfigurationProperties("relief.assessments.questionnaires")
record QuestionnaireSettings(
    Duration linkLifetime, Integer linkRequestsPerMinute, String publicBaseUrl) {

  QuestionnaireSettings {
    linkLifetime = linkLifetime == null ? Duration.ofDays(7) : linkLifetime;
    linkRequestsPerMinute = linkRequestsPerMinute == null ? 60 : linkRequestsPerMinute;
    publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.strip();
    if (linkLifetime.isNegative() || linkLifetime.isZero()) {
      throw new IllegalArgumentException(
          "relief.assessments.questionnaires.link-lifetime must be positive");
    }
  }
}
