package org.relief.patients.bodymap;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and saves patients' body maps. Only region codes from {@link BodyRegions} are stored. Every
 * read and save is audited as {@code BodyMap} with the patient's ID; logs carry IDs only.
 */
@Service
public class BodyMaps {

  static final String AUDIT_TYPE = "BodyMap";
  private static final Logger log = LoggerFactory.getLogger(BodyMaps.class);

  private final BodyMapRepository maps;
  private final PatientRegistry registry;
  private final AuditTrail audit;
  private final Clock clock;

  BodyMaps(BodyMapRepository maps, PatientRegistry registry, AuditTrail audit, Clock clock) {
    this.maps = maps;
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
  }

  /** The patient's body map, or empty when none was recorded yet (audited as a read). */
  public Optional<BodyMap> read(long patientId) {
    requirePatient(patientId, AuditActions.READ);
    Optional<BodyMap> map = maps.find(patientId);
    audit.recordAccess(AuditActions.READ, AUDIT_TYPE, Long.toString(patientId), Outcome.SUCCESS);
    return map;
  }

  /**
   * Saves the chosen regions if nobody else saved the map since {@code version} was read ({@code
   * null}: the editor saw no map yet). An unknown code is refused and nothing is saved.
   */
  @Transactional
  public BodyMap save(long patientId, Integer version, Collection<String> codes) {
    Set<String> clean = validate(codes);
    String action = version == null ? AuditActions.CREATE : AuditActions.UPDATE;
    requirePatient(patientId, action);
    boolean saved =
        version == null
            ? maps.insert(patientId, clean, clock.instant())
            : maps.update(patientId, version, clean, clock.instant());
    if (!saved) {
      throw new BodyMapChangedMeanwhile(patientId);
    }
    audit.recordAccess(action, AUDIT_TYPE, Long.toString(patientId), Outcome.SUCCESS);
    log.info("Body map of patient {} saved with {} regions", patientId, clean.size());
    return maps.find(patientId).orElseThrow(() -> new PatientNotFound(patientId));
  }

  static Set<String> validate(Collection<String> codes) {
    Set<String> clean = new LinkedHashSet<>();
    for (String code : codes == null ? Set.<String>of() : codes) {
      if (code == null || code.isBlank()) {
        continue;
      }
      String c = code.strip();
      if (BodyRegions.byCode(c).isEmpty()) {
        throw new RuleViolation(
            "unknown-body-region",
            "'"
                + (c.length() > 40 ? c.substring(0, 40) + "…" : c)
                + "' is not a body region Relief knows; choose regions on the map or in the list.");
      }
      clean.add(c);
    }
    return clean;
  }

  private void requirePatient(long patientId, String action) {
    if (!registry.exists(patientId)) {
      audit.recordAccess(action, AUDIT_TYPE, Long.toString(patientId), Outcome.FAILURE);
      throw new PatientNotFound(patientId);
    }
  }
}
