package org.relief.careers.portfolio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of shared portfolios ({@code relief.careers.portfolio.*}).
 *
 * @param shareDays how long a new share link works unless the specialist chooses (14 days)
 * @param shareMaxDays the longest a share link may work (30 days)
 */
@ConfigurationProperties("relief.careers.portfolio")
record PortfolioSettings(Integer shareDays, Integer shareMaxDays) {

  PortfolioSettings {
    shareMaxDays = shareMaxDays == null ? 30 : shareMaxDays;
    shareDays = shareDays == null ? Math.min(14, shareMaxDays) : shareDays;
    if (shareMaxDays < 1 || shareDays < 1 || shareDays > shareMaxDays) {
      throw new IllegalArgumentException(
          "relief.careers.portfolio.share-days must be between 1 and share-max-days");
    }
  }
}
