package org.relief.fhir;

import java.util.List;
import java.util.Set;

/**
 * Imports the resources of some types for the bulk import ({@code POST /api/v1/import}). Declared
 * as a bean by the module that owns the data, in its {@code ...fhir} sub-package, next to the
 * resource provider that writes the same tables.
 *
 * <p>A handler gets a batch of entries and reports each one to the {@link ImportTally}: kept,
 * already present (a re-import), skipped (content Relief does not keep) or rejected with a reason.
 * It checks what it can before writing, so that one bad entry does not fail its batch, writes the
 * batch with as few statements as it can, and does not audit per resource: the import records one
 * audit event per batch with the counts.
 */
public interface BulkImportHandler {

  /** The resource types this handler imports. */
  Set<String> resourceTypes();

  /**
   * When this handler runs within a batch: lower first. Patients (stage 0) come before the records
   * that refer to them (stage 1).
   */
  int stage();

  /** Imports {@code entries} (all of this handler's types) in the caller's transaction. */
  void importBatch(List<ImportedEntry> entries, ImportTally tally);
}
