package org.relief.careers.jobs;

/** A place the specialist would work; {@code state} is the two-letter USPS code. */
public record JobSite(String name, String city, String state) {

  public String place() {
    return city + ", " + state;
  }
}
