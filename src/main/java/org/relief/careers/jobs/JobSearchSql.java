package org.relief.careers.jobs;

import java.util.Map;

/**
 * The board's filters as SQL over {@code job_posting j}, written once for both directions: a search
 * binds its criteria as parameters ({@link #where}); the alerts of saved searches read the same
 * criteria from the columns of {@code saved_job_search} ({@link #savedSearchMatches}), so a posting
 * raises an alert exactly when the saved search, run on the board, would list it.
 *
 * <p>Distance is the great-circle distance from the place to the nearest located site, in SQL
 * ({@code careers_great_circle_miles}); a latitude band in front of it lets the index on {@code
 * job_site.latitude} narrow the sites first (one degree of latitude is 69.1 miles, so a band of
 * {@code miles / 69} degrees holds every site within the radius).
 */
public final class JobSearchSql {

  /** Postings the public board shows on {@code :today}. */
  public static final String OPEN = "j.status = 'PUBLISHED' AND j.valid_through >= :today";

  private enum Filter {
    STATE(
        "state",
        "EXISTS (SELECT 1 FROM job_site s WHERE s.job_id = j.id AND s.state = {state})",
        false),
    SETTING("setting", "j.practice_setting = {setting}", false),
    PROCEDURE(
        "procedure",
        "EXISTS (SELECT 1 FROM job_procedure p WHERE p.job_id = j.id"
            + " AND p.procedure = {procedure} AND p.requirement = 'REQUIRED')",
        false),
    MIN_BASE("min_base", "COALESCE(j.base_max, j.base_min) >= {min_base}", false),
    CALL(
        "call_one_in",
        "j.call_nights_per_month * {call_one_in} <= " + JobSearch.CALL_MONTH_NIGHTS,
        false),
    VISA("visa", "j.visa_sponsorship", true),
    TELEMEDICINE("telemedicine", "j.telemedicine", true),
    DISTANCE(
        "within_miles",
        "EXISTS (SELECT 1 FROM job_site s WHERE s.job_id = j.id"
            + " AND s.latitude BETWEEN {near_latitude} - {within_miles} / 69.0"
            + " AND {near_latitude} + {within_miles} / 69.0"
            + " AND careers_great_circle_miles(s.latitude, s.longitude, {near_latitude},"
            + " {near_longitude}) <= {within_miles})",
        false);

    private final String column;
    private final String sql;
    private final boolean flag;

    Filter(String column, String sql, boolean flag) {
      this.column = column;
      this.sql = sql;
      this.flag = flag;
    }

    String with(String prefix) {
      return sql.replaceAll("\\{(\\w+)}", prefix + "$1");
    }
  }

  private JobSearchSql() {}

  /**
   * The conditions of {@code search}, each starting with {@code AND}, with their parameters put in
   * {@code params}.
   */
  static String where(JobSearch search, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder();
    Map<Filter, Object> values = new java.util.EnumMap<>(Filter.class);
    values.put(Filter.STATE, search.state());
    values.put(Filter.SETTING, search.setting() == null ? null : search.setting().name());
    values.put(Filter.PROCEDURE, search.procedure() == null ? null : search.procedure().name());
    values.put(Filter.MIN_BASE, search.minBase());
    values.put(Filter.CALL, search.callOneIn());
    values.put(Filter.VISA, search.visaOnly() ? Boolean.TRUE : null);
    values.put(Filter.TELEMEDICINE, search.telemedicine() ? Boolean.TRUE : null);
    values.put(Filter.DISTANCE, search.withinMiles());
    for (Map.Entry<Filter, Object> v : values.entrySet()) {
      if (v.getValue() != null) {
        sql.append(" AND ").append(v.getKey().with(":"));
        params.put(v.getKey().column, v.getValue());
      }
    }
    if (search.near() != null) {
      params.put("near_latitude", search.near().latitude());
      params.put("near_longitude", search.near().longitude());
    }
    return sql.toString();
  }

  /** The miles from the search's place to the posting's nearest located site. */
  static String nearestMiles() {
    return "(SELECT min(careers_great_circle_miles(s.latitude, s.longitude, :near_latitude,"
        + " :near_longitude)) FROM job_site s WHERE s.job_id = j.id)";
  }

  /**
   * Whether the saved search in {@code saved_job_search alias} lists the posting {@code j}: every
   * filter the saved search sets holds (its open-ness is {@link #OPEN}'s business).
   */
  public static String savedSearchMatches(String alias) {
    StringBuilder sql = new StringBuilder();
    for (Filter f : Filter.values()) {
      if (sql.length() > 0) {
        sql.append(" AND ");
      }
      String condition = f.with(alias + ".");
      sql.append(
          f.flag
              ? "(NOT " + alias + "." + f.column + " OR " + condition + ")"
              : "(" + alias + "." + f.column + " IS NULL OR " + condition + ")");
    }
    return sql.toString();
  }
}
