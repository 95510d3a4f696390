package org.relief.careers.jobs;

/**
 * A place the specialist would work; {@code state} is the two-letter USPS code. The coordinates are
 * its city's point in Relief's place table ({@link Places}), or null when the city is not in it.
 */
public record JobSite(String name, String city, String state, Double latitude, Double longitude) {

  /** A site not yet placed on the map. */
  public JobSite(String name, String city, String state) {
    this(name, city, state, null, null);
  }

  public String place() {
    return city + ", " + state;
  }

  public boolean located() {
    return latitude != null && longitude != null;
  }
}
