package org.relief.procedures;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.relief.patients.Provenance;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * The procedure types of the practice, each with its ASRA 2018 bleeding-risk class
 * (clinical-rules.md §1a), CPT codes and unit rules (§5d), levels, purpose and default follow-up
 * plan.
 *
 * <p>Where §1a names no row for a procedure it is placed by the nearest row, and that placement is
 * marked U (unconfirmed) so that it is shown as such: genicular RFA under peripheral nerve blocks,
 * DRG trial under DRG stimulation. Peripheral nerve blocks keep the low class of §1a; the §1a note
 * that deep or non-compressible sites may be treated as higher is for the clinician, through the
 * high-bleeding-risk flag of the planner.
 */
@Component
public class ProcedureCatalogue {

  private static final String SECTION_1A = "clinical-rules.md §1a";
  private static final String SECTION_5D = "clinical-rules.md §5d";

  private static final Levels LUMBAR = interspaces("lumbar", "L", 1, 5, "S1");
  private static final Levels CERVICAL = interspaces("cervical", "C", 2, 7, "T1");
  private static final Levels THORACIC = interspaces("thoracic", "T", 1, 12, "L1");

  private static final List<ProcedureType> TYPES =
      List.of(
          type(
              "lumbar-tfesi",
              "Lumbar transforaminal epidural steroid injection",
              RiskClass.INTERMEDIATE,
              "S2",
              interspacesWith(LUMBAR, "S1"),
              Purpose.THERAPEUTIC,
              "epidural-steroid-injection",
              cpt(
                  "64483",
                  "Transforaminal epidural injection with imaging, lumbar/sacral, single level",
                  "1 unit for the first level",
                  "U"),
              cpt(
                  "64484",
                  "Transforaminal epidural injection with imaging, lumbar/sacral, each additional level",
                  "add-on: 1 unit per additional level",
                  "U")),
          type(
              "cervical-tfesi",
              "Cervical transforaminal epidural steroid injection",
              RiskClass.INTERMEDIATE,
              "S2",
              CERVICAL,
              Purpose.THERAPEUTIC,
              "epidural-steroid-injection",
              cpt(
                  "64479",
                  "Transforaminal epidural injection with imaging, cervical/thoracic, single level",
                  "1 unit for the first level",
                  "U"),
              cpt(
                  "64480",
                  "Transforaminal epidural injection with imaging, cervical/thoracic, each additional level",
                  "add-on: 1 unit per additional level",
                  "U")),
          type(
              "lumbar-ilesi",
              "Lumbar interlaminar epidural steroid injection",
              RiskClass.INTERMEDIATE,
              "S2",
              LUMBAR,
              Purpose.THERAPEUTIC,
              "epidural-steroid-injection",
              cpt(
                  "62323",
                  "Interlaminar epidural injection, lumbar/sacral, with imaging guidance",
                  "1 unit per session, whatever the number of levels",
                  "S / U"),
              cpt(
                  "62322",
                  "Interlaminar epidural injection, lumbar/sacral, without imaging guidance",
                  "1 unit per session, whatever the number of levels",
                  "S / U")),
          type(
              "cervical-ilesi",
              "Cervical interlaminar epidural steroid injection",
              RiskClass.INTERMEDIATE,
              "S2",
              CERVICAL,
              Purpose.THERAPEUTIC,
              "epidural-steroid-injection",
              cpt(
                  "62321",
                  "Interlaminar epidural injection, cervical/thoracic, with imaging guidance",
                  "1 unit per session, whatever the number of levels",
                  "U"),
              cpt(
                  "62320",
                  "Interlaminar epidural injection, cervical/thoracic, without imaging guidance",
                  "1 unit per session, whatever the number of levels",
                  "U")),
          type(
              "caudal-esi",
              "Caudal epidural steroid injection",
              RiskClass.INTERMEDIATE,
              "S2",
              new Levels("sacral", List.of("sacral hiatus")),
              Purpose.THERAPEUTIC,
              "epidural-steroid-injection",
              cpt(
                  "62323",
                  "Interlaminar epidural injection, lumbar/sacral (caudal), with imaging guidance",
                  "1 unit per session",
                  "S / U"),
              cpt(
                  "62322",
                  "Interlaminar epidural injection, lumbar/sacral (caudal), without imaging guidance",
                  "1 unit per session",
                  "S / U")),
          type(
              "lumbar-mbb",
              "Lumbar medial branch block",
              RiskClass.LOW,
              "P",
              LUMBAR,
              Purpose.DIAGNOSTIC,
              "diagnostic-block-pain-diary",
              facetCodes("64493", "64494", "64495", "lumbar/sacral", "P", "P", "U")),
          type(
              "cervical-mbb",
              "Cervical medial branch block",
              RiskClass.INTERMEDIATE,
              "S2",
              CERVICAL,
              Purpose.DIAGNOSTIC,
              "diagnostic-block-pain-diary",
              facetCodes("64490", "64491", "64492", "cervical/thoracic", "P", "P", "U")),
          type(
              "thoracic-mbb",
              "Thoracic medial branch block",
              RiskClass.LOW,
              "P",
              THORACIC,
              Purpose.DIAGNOSTIC,
              "diagnostic-block-pain-diary",
              facetCodes("64490", "64491", "64492", "cervical/thoracic", "P", "P", "U")),
          type(
              "lumbar-rfa",
              "Lumbar facet radiofrequency ablation",
              RiskClass.LOW,
              "P",
              LUMBAR,
              Purpose.THERAPEUTIC,
              "radiofrequency-ablation",
              cpt(
                  "64635",
                  "Radiofrequency ablation of facet joint nerves with imaging, lumbar/sacral, first joint",
                  "1 unit for the first joint",
                  "U"),
              cpt(
                  "64636",
                  "Radiofrequency ablation of facet joint nerves with imaging, lumbar/sacral, each additional joint",
                  "add-on: 1 unit per additional joint",
                  "U")),
          type(
              "cervical-rfa",
              "Cervical facet radiofrequency ablation",
              RiskClass.INTERMEDIATE,
              "S2",
              CERVICAL,
              Purpose.THERAPEUTIC,
              "radiofrequency-ablation",
              cpt(
                  "64633",
                  "Radiofrequency ablation of facet joint nerves with imaging, cervical/thoracic, first joint",
                  "1 unit for the first joint",
                  "U"),
              cpt(
                  "64634",
                  "Radiofrequency ablation of facet joint nerves with imaging, cervical/thoracic, each additional joint",
                  "add-on: 1 unit per additional joint",
                  "U")),
          type(
              "si-joint-injection",
              "Sacroiliac joint injection",
              RiskClass.LOW,
              "S2",
              Levels.notLevelBased(),
              Purpose.THERAPEUTIC,
              "joint-injection",
              cpt(
                  "27096",
                  "Sacroiliac joint injection with image guidance (fluoroscopy or CT)",
                  "1 unit per joint injected",
                  "U"),
              cpt(
                  "G0260",
                  "Sacroiliac joint injection, Medicare facility variant (HCPCS); verify current use",
                  "1 unit per joint injected, instead of 27096 where the payer asks for it",
                  "U")),
          type(
              "genicular-nerve-block",
              "Genicular nerve block",
              RiskClass.LOW,
              "S2",
              Levels.notLevelBased(),
              Purpose.DIAGNOSTIC,
              "diagnostic-block-pain-diary",
              cpt(
                  "64454",
                  "Genicular nerve block",
                  "1 unit per knee, whatever the number of nerves",
                  "U")),
          type(
              "genicular-rfa",
              "Genicular nerve radiofrequency ablation",
              RiskClass.LOW,
              "U",
              Levels.notLevelBased(),
              Purpose.THERAPEUTIC,
              "radiofrequency-ablation",
              cpt(
                  "64624",
                  "Radiofrequency ablation of genicular nerves",
                  "1 unit per knee, whatever the number of nerves",
                  "U")),
          type(
              "stellate-ganglion-block",
              "Stellate ganglion block",
              RiskClass.INTERMEDIATE,
              "S2",
              Levels.notLevelBased(),
              Purpose.THERAPEUTIC,
              "sympathetic-block",
              cpt("64510", "Stellate ganglion block", "1 unit per side", "U")),
          type(
              "lumbar-sympathetic-block",
              "Lumbar sympathetic block",
              RiskClass.INTERMEDIATE,
              "S2",
              new Levels("lumbar", List.of("L2", "L3", "L4")),
              Purpose.THERAPEUTIC,
              "sympathetic-block",
              cpt(
                  "64520",
                  "Lumbar or thoracic paravertebral sympathetic block",
                  "1 unit per side",
                  "U")),
          type(
              "celiac-plexus-block",
              "Celiac plexus block",
              RiskClass.INTERMEDIATE,
              "S2",
              Levels.notLevelBased(),
              Purpose.THERAPEUTIC,
              "sympathetic-block",
              cpt("64530", "Celiac plexus block", "1 unit per session", "U")),
          type(
              "peripheral-nerve-block",
              "Peripheral nerve block",
              RiskClass.LOW,
              "S2",
              Levels.notLevelBased(),
              Purpose.THERAPEUTIC,
              "nerve-block"),
          type(
              "trigger-point-injection",
              "Trigger point injection",
              RiskClass.LOW,
              "S2",
              Levels.notLevelBased(),
              Purpose.THERAPEUTIC,
              "trigger-point-injection",
              cpt(
                  "20552",
                  "Trigger point injection(s), one or two muscles",
                  "1 unit per session when 1–2 muscles are injected",
                  "U"),
              cpt(
                  "20553",
                  "Trigger point injection(s), three or more muscles",
                  "1 unit per session when 3 or more muscles are injected, instead of 20552",
                  "U")),
          type(
              "scs-trial",
              "Spinal cord stimulator trial",
              RiskClass.HIGH,
              "S2",
              Levels.notLevelBased(),
              Purpose.DIAGNOSTIC,
              "neuromodulation-trial",
              cpt(
                  "63650",
                  "Percutaneous placement of epidural neurostimulator electrode array",
                  "1 unit per electrode array (lead)",
                  "U")),
          type(
              "scs-implant",
              "Spinal cord stimulator implant",
              RiskClass.HIGH,
              "S2",
              Levels.notLevelBased(),
              Purpose.THERAPEUTIC,
              "neuromodulation-implant",
              cpt(
                  "63650",
                  "Percutaneous placement of epidural neurostimulator electrode array",
                  "1 unit per electrode array (lead)",
                  "U"),
              cpt(
                  "63655",
                  "Laminectomy for placement of paddle or plate neurostimulator electrodes",
                  "1 unit, instead of 63650 for a paddle lead",
                  "U"),
              cpt(
                  "63685",
                  "Insertion or replacement of spinal neurostimulator pulse generator",
                  "1 unit per generator",
                  "U")),
          type(
              "drg-trial",
              "Dorsal root ganglion stimulator trial",
              RiskClass.HIGH,
              "P",
              Levels.notLevelBased(),
              Purpose.DIAGNOSTIC,
              "neuromodulation-trial",
              cpt(
                  "63650",
                  "Percutaneous placement of epidural neurostimulator electrode array (used for DRG leads; verify with the payer)",
                  "1 unit per electrode array (lead)",
                  "U")),
          type(
              "pns-implant",
              "Peripheral nerve stimulator implant",
              RiskClass.LOW,
              "S2",
              Levels.notLevelBased(),
              Purpose.THERAPEUTIC,
              "neuromodulation-implant",
              cpt(
                  "64555",
                  "Percutaneous implantation of peripheral nerve neurostimulator electrodes",
                  "1 unit per electrode array",
                  "U"),
              cpt(
                  "64590",
                  "Insertion of peripheral neurostimulator pulse generator",
                  "1 unit per generator",
                  "U")),
          type(
              "vertebral-augmentation",
              "Vertebral augmentation (vertebroplasty or kyphoplasty)",
              RiskClass.HIGH,
              "S2",
              new Levels("thoracolumbar", vertebrae()),
              Purpose.THERAPEUTIC,
              "vertebral-augmentation",
              cpt(
                  "22510",
                  "Vertebroplasty, cervicothoracic, first level",
                  "1 unit for the first level",
                  "U"),
              cpt(
                  "22511",
                  "Vertebroplasty, lumbosacral, first level",
                  "1 unit for the first level",
                  "U"),
              cpt(
                  "22512",
                  "Vertebroplasty, each additional level",
                  "add-on: 1 unit per additional level",
                  "U"),
              cpt(
                  "22513",
                  "Vertebral augmentation (kyphoplasty), thoracic, first level",
                  "1 unit for the first level",
                  "U"),
              cpt(
                  "22514",
                  "Vertebral augmentation (kyphoplasty), lumbar, first level",
                  "1 unit for the first level",
                  "U"),
              cpt(
                  "22515",
                  "Vertebral augmentation (kyphoplasty), each additional level",
                  "add-on: 1 unit per additional level",
                  "U")),
          type(
              "intrathecal-pump-implant",
              "Intrathecal drug delivery pump implant",
              RiskClass.HIGH,
              "S2",
              Levels.notLevelBased(),
              Purpose.THERAPEUTIC,
              "intrathecal-pump",
              cpt(
                  "62350",
                  "Implantation of intrathecal or epidural catheter",
                  "1 unit per catheter",
                  "U"),
              cpt(
                  "62351",
                  "Implantation of intrathecal or epidural catheter, with laminectomy",
                  "1 unit per catheter, instead of 62350",
                  "U"),
              cpt(
                  "62360",
                  "Implantation of subcutaneous reservoir",
                  "1 unit per device, by the device implanted",
                  "U"),
              cpt(
                  "62361",
                  "Implantation of non-programmable pump",
                  "1 unit per device, by the device implanted",
                  "U"),
              cpt(
                  "62362",
                  "Implantation of programmable pump",
                  "1 unit per device, by the device implanted",
                  "U")),
          type(
              "mild-decompression",
              "Percutaneous image-guided lumbar decompression (MILD)",
              RiskClass.HIGH,
              "P",
              LUMBAR,
              Purpose.THERAPEUTIC,
              "lumbar-decompression",
              cpt(
                  "0275T",
                  "Percutaneous image-guided lumbar decompression",
                  "1 unit per session",
                  "U")));

  /** Every procedure type, in catalogue order. */
  public List<ProcedureType> all() {
    return TYPES;
  }

  /** The procedure type with this code, if there is one. */
  public Optional<ProcedureType> find(String code) {
    return TYPES.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  /** The procedure type with this code; a clinician-readable refusal naming it otherwise. */
  public ProcedureType require(String code) {
    if (code == null || code.isBlank()) {
      throw new RuleViolation(
          "procedure-missing", "Give the procedure as a catalogue code such as 'lumbar-tfesi'.");
    }
    return find(code)
        .orElseThrow(
            () ->
                new RuleViolation(
                    "unknown-procedure",
                    "Unknown procedure '"
                        + code
                        + "': use a code of the procedure catalogue (GET"
                        + " /api/v1/procedures/catalogue) such as 'lumbar-tfesi'."));
  }

  private static ProcedureType type(
      String code,
      String name,
      RiskClass riskClass,
      String riskStatus,
      Levels levels,
      Purpose purpose,
      String followUpPlan,
      CptCode... codes) {
    return new ProcedureType(
        code,
        name,
        riskClass,
        Provenance.of(SECTION_1A, riskStatus),
        List.of(codes),
        levels,
        purpose,
        followUpPlan);
  }

  private static CptCode cpt(String code, String description, String unitRule, String status) {
    return new CptCode(code, description, unitRule, Provenance.of(SECTION_5D, status));
  }

  private static CptCode[] facetCodes(
      String first,
      String second,
      String third,
      String region,
      String firstStatus,
      String secondStatus,
      String thirdStatus) {
    String what = "Facet joint or medial branch injection with imaging, " + region;
    return new CptCode[] {
      cpt(first, what + ", first level", "1 unit for the first level", firstStatus),
      cpt(second, what + ", second level", "add-on: 1 unit for the second level", secondStatus),
      cpt(
          third,
          what + ", third and any further level",
          "add-on: 1 unit for the third and any further levels",
          thirdStatus)
    };
  }

  private static Levels interspaces(
      String region, String prefix, int first, int last, String next) {
    List<String> levels =
        Stream.concat(
                IntStream.range(first, last).mapToObj(i -> prefix + i + "–" + prefix + (i + 1)),
                Stream.of(prefix + last + "–" + next))
            .toList();
    return new Levels(region, levels);
  }

  private static Levels interspacesWith(Levels levels, String extra) {
    return new Levels(
        levels.region(), Stream.concat(levels.allowed().stream(), Stream.of(extra)).toList());
  }

  private static List<String> vertebrae() {
    return Stream.concat(
            IntStream.rangeClosed(1, 12).mapToObj(i -> "T" + i),
            IntStream.rangeClosed(1, 5).mapToObj(i -> "L" + i))
        .toList();
  }
}
