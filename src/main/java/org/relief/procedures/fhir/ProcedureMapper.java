package org.relief.procedures.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Reference;
import org.relief.procedures.CptDerivation;
import org.relief.procedures.Laterality;
import org.relief.procedures.Levels;
import org.relief.procedures.ProcedureType;

/**
 * A procedure as a FHIR R4 {@code Procedure}. Pure.
 *
 * <p>Design notes (decision 0072). The code carries the CPT lines {@link CptDerivation} derives
 * from what was done (clinical-rules.md §5d; without display, as CPT descriptors are AMA copyright)
 * and Relief's catalogue code with its name; clinical-rules.md gives no SNOMED CT code for a pain
 * procedure, so none is invented. The site is said three ways, each valid in base R4: a {@code
 * bodySite} for the region (SNOMED CT body structure), one {@code bodySite} per level treated
 * (Relief's level code, e.g. {@code L4–L5}), and the side as a contained {@code BodyStructure}
 * whose {@code locationQualifier} is the SNOMED CT laterality, linked by the core extension {@code
 * procedure-targetBodyStructure}. The SNOMED CT body-structure and qualifier codes are Relief's
 * choice, not from clinical-rules.md, and are unconfirmed. A procedure recorded elsewhere keeps the
 * sender's code and is tagged {@code record-source#elsewhere}.
 */
public final class ProcedureMapper {

  public static final String CPT = "http://www.ama-assn.org/go/cpt";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String CATALOGUE = "https://relief.health/fhir/CodeSystem/procedure";

  /** Tags a procedure recorded elsewhere, not performed by this practice. */
  public static final String SOURCE = "https://relief.health/fhir/CodeSystem/record-source";

  static final String LEVEL = "https://relief.health/fhir/CodeSystem/spinal-level";
  static final String TARGET_BODY_STRUCTURE =
      "http://hl7.org/fhir/StructureDefinition/procedure-targetBodyStructure";

  /** SNOMED CT body structures of the catalogue's regions (Relief's choice, unconfirmed). */
  static final Map<String, Coding> REGIONS =
      Map.of(
          "lumbar", new Coding(SNOMED, "122496007", "Lumbar spine structure"),
          "cervical", new Coding(SNOMED, "122494005", "Cervical spine structure"),
          "thoracic", new Coding(SNOMED, "122495006", "Thoracic spine structure"),
          "sacral", new Coding(SNOMED, "54735007", "Sacrum structure"),
          "thoracolumbar", new Coding(SNOMED, "421060004", "Structure of vertebral column"),
          "si-joint", new Coding(SNOMED, "39723000", "Sacroiliac joint structure"));

  /** SNOMED CT laterality qualifiers (Relief's choice, unconfirmed). */
  static final Map<Laterality, Coding> SIDES =
      Map.of(
          Laterality.LEFT, new Coding(SNOMED, "7771000", "Left"),
          Laterality.RIGHT, new Coding(SNOMED, "24028007", "Right"),
          Laterality.BILATERAL, new Coding(SNOMED, "51440002", "Right and left"),
          Laterality.MIDLINE, new Coding(SNOMED, "260528009", "Median"));

  private ProcedureMapper() {}

  /** A procedure of this practice; {@code type} is its catalogue entry. */
  public static Procedure toFhir(StoredProcedure.Performed p, ProcedureType type) {
    Procedure r = base(p);
    r.setStatus(ProcedureStatus.COMPLETED);
    CodeableConcept code = new CodeableConcept().setText(type.name());
    for (var line :
        CptDerivation.derive(
            type,
            new CptDerivation.Facts(
                p.levels(),
                p.laterality(),
                p.imaging(),
                p.approach(),
                p.musclesInjected(),
                p.leadCount(),
                p.generatorImplanted()))) {
      if (line.units() != null
          && code.getCoding().stream().noneMatch(c -> c.is(CPT, line.code()))) {
        code.addCoding(new Coding().setSystem(CPT).setCode(line.code()));
      }
    }
    code.addCoding(new Coding(CATALOGUE, type.code(), type.name()));
    r.setCode(code);
    r.setPerformed(new DateTimeType(p.performedOn().toString()));
    r.addPerformer().setActor(new Reference("Practitioner/" + p.operatorUserId()));
    Optional<Coding> region = regionOf(type);
    String regionText = regionText(type);
    if (region.isPresent() || regionText != null) {
      CodeableConcept site = new CodeableConcept().setText(regionText);
      region.ifPresent(c -> site.addCoding(c.copy()));
      r.addBodySite(site);
    }
    for (String level : p.levels()) {
      r.addBodySite(new CodeableConcept(new Coding(LEVEL, level, level)).setText(level));
    }
    Coding side = SIDES.get(p.laterality());
    if (side != null) {
      BodyStructure structure = new BodyStructure();
      structure.setId("site");
      region.ifPresent(
          c -> structure.setLocation(new CodeableConcept(c.copy()).setText(regionText)));
      structure.addLocationQualifier(
          new CodeableConcept(side.copy()).setText(p.laterality().label()));
      structure.setDescription(siteDescription(regionText, p));
      structure.setPatient(new Reference("Patient/" + p.patientId()));
      r.addContained(structure);
      r.addExtension(TARGET_BODY_STRUCTURE, new Reference("#site"));
    }
    return r;
  }

  /** A procedure recorded elsewhere, as the sender coded it. */
  public static Procedure toFhir(StoredProcedure.Elsewhere e) {
    Procedure r = base(e);
    r.setStatus(ProcedureStatus.fromCode(e.status()));
    r.setCode(
        new CodeableConcept(new Coding(e.codeSystem(), e.code(), e.display()))
            .setText(e.display()));
    r.getMeta().addTag(SOURCE, "elsewhere", "Recorded elsewhere");
    if (e.performedStart() != null && e.performedEnd() != null) {
      r.setPerformed(
          new Period()
              .setStartElement(instant(e.performedStart()))
              .setEndElement(instant(e.performedEnd())));
    } else if (e.performedStart() != null) {
      r.setPerformed(instant(e.performedStart()));
    }
    return r;
  }

  private static Procedure base(StoredProcedure p) {
    Procedure r = new Procedure();
    r.setId(new IdType("Procedure", Long.toString(p.id()), "1"));
    r.getMeta().setLastUpdated(Date.from(p.lastUpdated()));
    r.setSubject(new Reference("Patient/" + p.patientId()));
    return r;
  }

  private static DateTimeType instant(java.time.Instant at) {
    return new DateTimeType(
        Date.from(at), TemporalPrecisionEnum.SECOND, java.util.TimeZone.getTimeZone("UTC"));
  }

  static Optional<Coding> regionOf(ProcedureType type) {
    if (type.code().startsWith("si-joint")) {
      return Optional.of(REGIONS.get("si-joint"));
    }
    return Optional.ofNullable(REGIONS.get(type.levels().region()));
  }

  private static String regionText(ProcedureType type) {
    if (type.code().startsWith("si-joint")) {
      return "Sacroiliac joint";
    }
    String region = type.levels().region();
    if (Levels.NOT_LEVEL_BASED.equals(region)) {
      return null;
    }
    return region.substring(0, 1).toUpperCase(Locale.ROOT) + region.substring(1) + " spine";
  }

  private static String siteDescription(String regionText, StoredProcedure.Performed p) {
    StringBuilder s = new StringBuilder(p.laterality().label());
    if (regionText != null) {
      s.append(", ").append(regionText.toLowerCase(Locale.ROOT));
    }
    if (!p.levels().isEmpty()) {
      s.append(" ").append(String.join(", ", p.levels()));
    }
    return s.toString();
  }
}
