package org.relief.support;

/** The credentials {@code application-test.yml} gives the test application. */
public final class TestAccounts {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-password-1";
  public static final String CLIENT_ID = "test-system-client";
  public static final String CLIENT_SECRET = "test-system-client-secret-1";

  private TestAccounts() {}
}
