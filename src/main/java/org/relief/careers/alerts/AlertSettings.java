package org.relief.careers.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of job alerts ({@code relief.careers.alerts.*}).
 *
 * @param linkBaseUrl the address specialists reach Relief at, for the link in an alert message
 * @param maxSavedSearches how many searches one specialist may keep (20)
 */
@ConfigurationProperties("relief.careers.alerts")
record AlertSettings(String linkBaseUrl, Integer maxSavedSearches) {

  AlertSettings {
    linkBaseUrl =
        linkBaseUrl == null || linkBaseUrl.isBlank()
            ? "http://localhost:8080"
            : linkBaseUrl.strip().replaceAll("/+$", "");
    maxSavedSearches = maxSavedSearches == null ? 20 : maxSavedSearches;
    if (maxSavedSearches < 1) {
      throw new IllegalArgumentException(
          "relief.careers.alerts.max-saved-searches must be 1 or more");
    }
  }
}
