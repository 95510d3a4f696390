package org.relief.careers.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schema.org {@code JobPosting} of a published posting, as plain maps and lists; the page
 * writes it through {@link JsonLdDialect}.
 */
final class JobPostingJsonLd {

  private JobPostingJsonLd() {}

  static Map<String, Object> of(JobPosting posting, String url) {
    JobDetails d = posting.details();
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "JobPosting");
    ld.put("title", d.title());
    ld.put("description", d.summary().isBlank() ? d.title() : d.summary());
    ld.put("url", url);
    ld.put(
        "identifier",
        orderedMap("@type", "PropertyValue", "name", "Relief", "value", "" + posting.id()));
    ld.put("datePosted", posting.postedOn().toString());
    ld.put("validThrough", d.validThrough().toString());
    ld.put("employmentType", employmentType(d.employmentModel()));
    ld.put("occupationalCategory", d.taxonomy().code() + " " + d.taxonomy().label());
    ld.put(
        "hiringOrganization", orderedMap("@type", "Organization", "name", posting.employerName()));
    ld.put(
        "jobLocation",
        d.sites().stream()
            .map(
                s ->
                    orderedMap(
                        "@type",
                        "Place",
                        "address",
                        orderedMap(
                            "@type",
                            "PostalAddress",
                            "addressLocality",
                            s.city(),
                            "addressRegion",
                            s.state(),
                            "addressCountry",
                            "US")))
            .toList());
    Compensation c = d.compensation();
    if (c.hasBase()) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("@type", "QuantitativeValue");
      if (c.baseMin() != null) {
        value.put("minValue", c.baseMin());
      }
      if (c.baseMax() != null) {
        value.put("maxValue", c.baseMax());
      }
      value.put("unitText", "YEAR");
      ld.put(
          "baseSalary", orderedMap("@type", "MonetaryAmount", "currency", "USD", "value", value));
    }
    if (!d.required().isEmpty()) {
      ld.put(
          "skills",
          String.join(", ", d.required().stream().map(p -> p.procedure().label()).toList()));
    }
    ld.put("directApply", false);
    return ld;
  }

  private static String employmentType(EmploymentModel model) {
    return switch (model) {
      case EMPLOYED, PARTNERSHIP_TRACK -> "FULL_TIME";
      case INDEPENDENT_CONTRACTOR -> "CONTRACTOR";
      case LOCUM_TENENS -> "TEMPORARY";
    };
  }

  /** Keys in the order given, so the JSON reads like the schema.org examples. */
  private static Map<String, Object> orderedMap(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
