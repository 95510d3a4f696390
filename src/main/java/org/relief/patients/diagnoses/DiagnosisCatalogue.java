package org.relief.patients.diagnoses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.relief.patients.Provenance;
import org.springframework.stereotype.Component;

/**
 * The ICD-10-CM codes of the curated pain subset (clinical-rules.md §5b), searchable by code or by
 * words.
 *
 * <p>Every row of §5b is marked U ("standard codes; verify against the CMS ICD-10-CM release for
 * the service date"), so every code here is shown as unconfirmed until the practice confirms it.
 * Where §5b writes a code family with an "x" (M54.3x, G56.4x, G57.7x, M50.12x) the individual codes
 * are spelt out from the ICD-10-CM structure; they carry the same U mark.
 *
 * <p>Search: a query shaped like a code (a letter, a digit, then digits or letters, with or without
 * the dot) finds the codes that start with it; any other query finds the codes whose description or
 * terms contain a word starting with each word of the query, in any order ("lumb rad" finds lumbar
 * radiculopathy).
 */
@Component
public class DiagnosisCatalogue {

  /** The most codes one search returns. */
  public static final int SEARCH_LIMIT = 25;

  private static final Pattern CODE_LIKE =
      Pattern.compile("[A-Za-z][0-9][0-9A-Za-z]?\\.?[0-9A-Za-z]*");
  private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final String SOURCE = "clinical-rules.md §5b";
  static final String COMORBIDITY_SOURCE =
      "ICD-10-CM E08–E13 (comorbidity, not in clinical-rules.md §5b)";

  private static final List<DiagnosisCode> CODES =
      List.of(
          // §5b: M54.5 was expanded on 2021-10-01
          code("M54.50", "Low back pain, unspecified", "lumbago lbp"),
          code("M54.51", "Vertebrogenic low back pain", "lumbago lbp"),
          code("M54.59", "Other low back pain", "lumbago lbp"),
          code("M54.2", "Cervicalgia (neck pain)", "neck"),
          code("M54.30", "Sciatica, unspecified side", ""),
          code("M54.31", "Sciatica, right side", ""),
          code("M54.32", "Sciatica, left side", ""),
          code("M54.40", "Lumbago with sciatica, unspecified side", "low back pain"),
          code("M54.41", "Lumbago with sciatica, right side", "low back pain"),
          code("M54.42", "Lumbago with sciatica, left side", "low back pain"),
          code("M54.12", "Radiculopathy, cervical region", "radicular nerve root neck"),
          code("M54.13", "Radiculopathy, cervicothoracic region", "radicular nerve root"),
          code("M54.14", "Radiculopathy, thoracic region", "radicular nerve root"),
          code("M54.15", "Radiculopathy, thoracolumbar region", "radicular nerve root"),
          code("M54.16", "Radiculopathy, lumbar region", "radicular nerve root"),
          code("M54.17", "Radiculopathy, lumbosacral region", "radicular nerve root"),
          code("M51.16", "Disc disorder with radiculopathy, lumbar region", "herniation hnp"),
          code("M51.17", "Disc disorder with radiculopathy, lumbosacral region", "herniation hnp"),
          code(
              "M50.11",
              "Cervical disc disorder with radiculopathy, high cervical region",
              "herniation hnp neck"),
          code(
              "M50.120",
              "Cervical disc disorder with radiculopathy, mid-cervical, level unspecified",
              "herniation hnp neck"),
          code(
              "M50.121",
              "Cervical disc disorder with radiculopathy, C4-C5",
              "herniation hnp neck mid-cervical"),
          code(
              "M50.122",
              "Cervical disc disorder with radiculopathy, C5-C6",
              "herniation hnp neck mid-cervical"),
          code(
              "M50.123",
              "Cervical disc disorder with radiculopathy, C6-C7",
              "herniation hnp neck mid-cervical"),
          code(
              "M50.13",
              "Cervical disc disorder with radiculopathy, cervicothoracic region",
              "herniation hnp"),
          code(
              "M47.812",
              "Spondylosis without myelopathy or radiculopathy, cervical region",
              "facet arthropathy arthritis neck"),
          code(
              "M47.814",
              "Spondylosis without myelopathy or radiculopathy, thoracic region",
              "facet arthropathy arthritis"),
          code(
              "M47.816",
              "Spondylosis without myelopathy or radiculopathy, lumbar region",
              "facet arthropathy arthritis"),
          code(
              "M47.817",
              "Spondylosis without myelopathy or radiculopathy, lumbosacral region",
              "facet arthropathy arthritis"),
          code("M47.22", "Spondylosis with radiculopathy, cervical region", "neck"),
          code("M47.26", "Spondylosis with radiculopathy, lumbar region", ""),
          code("M47.27", "Spondylosis with radiculopathy, lumbosacral region", ""),
          code(
              "M48.061",
              "Spinal stenosis, lumbar region, without neurogenic claudication",
              "lumbar stenosis"),
          code(
              "M48.062",
              "Spinal stenosis, lumbar region, with neurogenic claudication",
              "lumbar stenosis"),
          code("M46.1", "Sacroiliitis, not elsewhere classified", "sacroiliac si joint"),
          code(
              "M96.1",
              "Postlaminectomy syndrome, not elsewhere classified",
              "failed back surgery syndrome fbss"),
          code("G90.50", "Complex regional pain syndrome I, unspecified", "crps rsd"),
          code("G90.511", "Complex regional pain syndrome I, right upper limb", "crps rsd arm"),
          code("G90.512", "Complex regional pain syndrome I, left upper limb", "crps rsd arm"),
          code(
              "G90.513", "Complex regional pain syndrome I, upper limb, bilateral", "crps rsd arm"),
          code(
              "G90.519",
              "Complex regional pain syndrome I, upper limb, side unspecified",
              "crps rsd arm"),
          code("G90.521", "Complex regional pain syndrome I, right lower limb", "crps rsd leg"),
          code("G90.522", "Complex regional pain syndrome I, left lower limb", "crps rsd leg"),
          code(
              "G90.523", "Complex regional pain syndrome I, lower limb, bilateral", "crps rsd leg"),
          code(
              "G90.529",
              "Complex regional pain syndrome I, lower limb, side unspecified",
              "crps rsd leg"),
          code("G90.59", "Complex regional pain syndrome I, other site", "crps rsd"),
          code("G56.40", "Causalgia of upper limb, side unspecified", "crps type ii 2 arm"),
          code("G56.41", "Causalgia of right upper limb", "crps type ii 2 arm"),
          code("G56.42", "Causalgia of left upper limb", "crps type ii 2 arm"),
          code("G56.43", "Causalgia of bilateral upper limbs", "crps type ii 2 arm"),
          code("G57.70", "Causalgia of lower limb, side unspecified", "crps type ii 2 leg"),
          code("G57.71", "Causalgia of right lower limb", "crps type ii 2 leg"),
          code("G57.72", "Causalgia of left lower limb", "crps type ii 2 leg"),
          code("G57.73", "Causalgia of bilateral lower limbs", "crps type ii 2 leg"),
          code("G89.21", "Chronic pain due to trauma", "post-traumatic"),
          code("G89.22", "Chronic post-thoracotomy pain", "postprocedural"),
          code("G89.28", "Other chronic postprocedural pain", "postoperative postsurgical"),
          code("G89.29", "Other chronic pain", ""),
          code("G89.4", "Chronic pain syndrome", ""),
          code("G89.3", "Neoplasm related pain", "cancer tumour tumor"),
          code("G89.0", "Central pain syndrome", "thalamic"),
          // Comorbidities the procedure checklist asks about (a glucose plan for diabetics given
          // steroid); standard ICD-10-CM categories E08–E13, not rows of §5b.
          comorbidity("E08.9", "Diabetes due to an underlying condition, without complications"),
          comorbidity("E09.9", "Drug or chemical induced diabetes, without complications"),
          comorbidity("E10.9", "Type 1 diabetes mellitus, without complications"),
          comorbidity("E10.65", "Type 1 diabetes mellitus with hyperglycaemia"),
          comorbidity("E11.9", "Type 2 diabetes mellitus, without complications"),
          comorbidity("E11.65", "Type 2 diabetes mellitus with hyperglycaemia"),
          comorbidity("E13.9", "Other specified diabetes mellitus, without complications"));

  private static DiagnosisCode comorbidity(String code, String description) {
    return new DiagnosisCode(
        code, description, "diabetes diabetic dm", Provenance.of(COMORBIDITY_SOURCE, "U"));
  }

  private static DiagnosisCode code(String code, String description, String terms) {
    return new DiagnosisCode(code, description, terms, Provenance.of(SOURCE, "U"));
  }

  /** Every code, in the order of clinical-rules.md §5b. */
  public List<DiagnosisCode> all() {
    return CODES;
  }

  /** The code as typed (any case, with or without the dot), if it is in the subset. */
  public Optional<DiagnosisCode> find(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    String compact = code.strip().replace(".", "").toUpperCase(Locale.ROOT);
    return CODES.stream().filter(c -> c.compact().equals(compact)).findFirst();
  }

  /** The codes matching a code prefix or words; empty for an empty query. */
  public List<DiagnosisCode> search(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    String q = query.strip();
    if (CODE_LIKE.matcher(q).matches()) {
      String prefix = q.replace(".", "").toUpperCase(Locale.ROOT);
      List<DiagnosisCode> byCode =
          CODES.stream().filter(c -> c.compact().startsWith(prefix)).limit(SEARCH_LIMIT).toList();
      if (!byCode.isEmpty()) {
        return byCode;
      }
    }
    List<String> wanted = words(q);
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<DiagnosisCode> found = new ArrayList<>();
    for (DiagnosisCode c : CODES) {
      List<String> have = words(c.code() + " " + c.description() + " " + c.terms());
      if (wanted.stream().allMatch(w -> have.stream().anyMatch(h -> h.startsWith(w)))) {
        found.add(c);
        if (found.size() == SEARCH_LIMIT) {
          break;
        }
      }
    }
    return found;
  }

  private static List<String> words(String text) {
    return Arrays.stream(WORD_SPLIT.split(text.toLowerCase(Locale.ROOT)))
        .filter(w -> !w.isEmpty())
        .toList();
  }
}
