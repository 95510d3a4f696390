package org.relief.patients.medications;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.relief.patients.DoseUnit;
import org.relief.patients.Guidance;
import org.relief.patients.Provenance;

/**
 * The rows of the CDC 2022 table "Morphine milligram equivalent doses for commonly prescribed
 * opioids for pain management" (clinical-rules.md §2a, status P), with the table's cautions (§2b).
 * Factors are exact decimals so that conversions are exact before rounding.
 *
 * <p>Buprenorphine is known but has no factor: the table leaves it out on purpose (§2b.6), so it is
 * listed and never counted rather than refused as unknown.
 */
public enum OpioidConversion {
  CODEINE("codeine", "0.15", DoseUnit.MG_PER_DAY, null),
  // clinical-rules.md §2a: the only row in mcg/h; §2b.5 caution
  FENTANYL_TRANSDERMAL(
      "fentanyl-transdermal",
      "2.4",
      DoseUnit.MCG_PER_HOUR,
      caution(
          "fentanyl-transdermal-caution",
          "Transdermal fentanyl needs particular caution: it is dosed in mcg/h and its absorption"
              + " is changed by heat and other factors.",
          "§2b.5")),
  HYDROCODONE("hydrocodone", "1.0", DoseUnit.MG_PER_DAY, null),
  // clinical-rules.md §2a: 5.0 in 2022 (4 in 2016)
  HYDROMORPHONE("hydromorphone", "5.0", DoseUnit.MG_PER_DAY, null),
  // clinical-rules.md §2a: one factor in 2022, not the 2016 dose tiers; §2b.4 caution
  METHADONE(
      "methadone",
      "4.7",
      DoseUnit.MG_PER_DAY,
      caution(
          "methadone-caution",
          "Methadone needs particular caution: its half-life is long and variable, and its peak"
              + " respiratory depression comes later and lasts longer than its peak analgesia.",
          "§2b.4")),
  MORPHINE("morphine", "1.0", DoseUnit.MG_PER_DAY, null),
  OXYCODONE("oxycodone", "1.5", DoseUnit.MG_PER_DAY, null),
  OXYMORPHONE("oxymorphone", "3.0", DoseUnit.MG_PER_DAY, null),
  // clinical-rules.md §2a dagger, §2b.7
  TAPENTADOL(
      "tapentadol",
      "0.4",
      DoseUnit.MG_PER_DAY,
      caution(
          "tapentadol-caution",
          "The MME of tapentadol reflects its mu-opioid activity only; it also inhibits"
              + " norepinephrine reuptake, and it is unknown whether it carries overdose risk in the"
              + " same dose-dependent way as pure mu-agonists.",
          "§2b.7")),
  // clinical-rules.md §2a section mark, §2b.7
  TRAMADOL(
      "tramadol",
      "0.2",
      DoseUnit.MG_PER_DAY,
      caution(
          "tramadol-caution",
          "The MME of tramadol reflects its mu-opioid activity only; it also inhibits"
              + " norepinephrine and serotonin reuptake, and it is unknown whether it carries"
              + " overdose risk in the same dose-dependent way as pure mu-agonists.",
          "§2b.7")),
  // clinical-rules.md §2b.6: no factor on purpose; dosed as tablets/film (mg/day) or patch (mcg/h)
  BUPRENORPHINE(
      "buprenorphine",
      null,
      EnumSet.allOf(DoseUnit.class),
      caution(
          "buprenorphine-not-counted",
          "Buprenorphine is not counted in the MME total: CDC 2022 gives it no conversion factor"
              + " because it is a partial mu-agonist with a ceiling effect. MME factors must not"
              + " guide dosing for opioid use disorder treatment.",
          "§2b.6"));

  /** The reference table this enum encodes. */
  public static final String SOURCE = "clinical-rules.md §2a";

  private final String drug;
  private final BigDecimal factor;
  private final Set<DoseUnit> units;
  private final Guidance caution;

  OpioidConversion(String drug, String factor, DoseUnit unit, Guidance caution) {
    this(drug, factor, EnumSet.of(unit), caution);
  }

  OpioidConversion(String drug, String factor, Set<DoseUnit> units, Guidance caution) {
    this.drug = drug;
    this.factor = factor == null ? null : new BigDecimal(factor);
    this.units = units;
    this.caution = caution;
  }

  private static Guidance caution(String code, String text, String section) {
    return new Guidance(code, text, Provenance.of("clinical-rules.md " + section, "P"));
  }

  /** The row for a generic name in lower case, exactly as the table lists it. */
  public static Optional<OpioidConversion> of(String drug) {
    return Arrays.stream(values()).filter(o -> o.drug.equals(drug)).findFirst();
  }

  /**
   * The known name someone probably meant: the same name in another case, a name the input starts
   * or ends (e.g. "fentanyl" for "fentanyl-transdermal"), or one a few typing slips away.
   */
  public static Optional<OpioidConversion> closestTo(String drug) {
    String typed = drug.strip().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(values())
        .filter(
            o ->
                o.drug.startsWith(typed)
                    || typed.startsWith(o.drug)
                    || editDistance(o.drug, typed) <= 3)
        .min(Comparator.comparingInt(o -> editDistance(o.drug, typed)));
  }

  /**
   * The table opioid a name not in the table probably stands for: the name qualified
   * ("morphine-er", "hydrocodone-acetaminophen"), cut short ("fentanyl"), or misspelt by at most
   * two letters. A medication list uses it so that no opioid slips past the MME total under another
   * spelling.
   */
  public static Optional<OpioidConversion> resembledBy(String drug) {
    String typed = drug.strip().toLowerCase(java.util.Locale.ROOT);
    if (of(typed).isPresent()) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(
            o ->
                typed.startsWith(o.drug + "-")
                    || (typed.length() >= 4 && o.drug.startsWith(typed))
                    || (typed.length() >= 5 && editDistance(o.drug, typed) <= 2))
        .min(Comparator.comparingInt(o -> editDistance(o.drug, typed)));
  }

  /** Every known name, in table order. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(OpioidConversion::drug).toList());
  }

  public String drug() {
    return drug;
  }

  /** The CDC 2022 factor; empty for buprenorphine (clinical-rules.md §2b.6). */
  public Optional<BigDecimal> factor() {
    return Optional.ofNullable(factor);
  }

  public Set<DoseUnit> units() {
    return units;
  }

  /** The unit to name when another is given. */
  public DoseUnit usualUnit() {
    return units.iterator().next();
  }

  /** The table's caution for this drug (clinical-rules.md §2b), if it has one. */
  public Optional<Guidance> caution() {
    return Optional.ofNullable(caution);
  }

  public Provenance provenance() {
    return Provenance.of(SOURCE, "P");
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
