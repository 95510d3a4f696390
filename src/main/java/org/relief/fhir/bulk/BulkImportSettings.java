package org.relief.fhir.bulk;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk import settings ({@code relief.fhir.bulk-import}).
 *
 * @param root the only folder (and its sub-folders) a folder import may read; none by default, so
 *     that folder import is off until an administrator names one
 * @param batchSize kept resources written per transaction and audit event
 */
@ConfigurationProperties("relief.fhir.bulk-import")
record BulkImportSettings(Path root, @DefaultValue("2000") int batchSize) {

  BulkImportSettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("relief.fhir.bulk-import.batch-size must be at least 1");
    }
  }
}
