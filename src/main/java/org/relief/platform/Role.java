package org.relief.platform;

/**
 * What a person does in the practice or on the job market. Shared by every module because every
 * module's access rules name roles; accounts that hold them live in {@code identity}.
 */
public enum Role {
  PAIN_PHYSICIAN("Pain physician", true),
  SURGEON("Spine surgeon", true),
  NURSE("Nurse", true),
  FRONT_DESK("Front desk", true),
  PRACTICE_ADMIN("Practice administrator", false),
  RECRUITER("Recruiter", false),
  SPECIALIST("Specialist (job seeker)", false);

  private final String label;
  private final boolean practiceStaff;

  Role(String label, boolean practiceStaff) {
    this.label = label;
    this.practiceStaff = practiceStaff;
  }

  public String label() {
    return label;
  }

  /** Whether the role works the clinic's day (and so sees the clinical areas). */
  public boolean practiceStaff() {
    return practiceStaff;
  }

  /** The Spring Security authority for this role. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The practice's people: clinical roles and the practice administrator (for hasAnyRole). */
  public static String[] practiceAuthorities() {
    return new String[] {
      PAIN_PHYSICIAN.name(), SURGEON.name(), NURSE.name(), FRONT_DESK.name(), PRACTICE_ADMIN.name()
    };
  }

  /** The roles that work with patients' records in the practice (for hasAnyRole). */
  public static String[] clinicalAuthorities() {
    return new String[] {PAIN_PHYSICIAN.name(), SURGEON.name(), NURSE.name(), FRONT_DESK.name()};
  }
}
