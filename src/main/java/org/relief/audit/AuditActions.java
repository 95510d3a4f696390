package org.relief.audit;

/** The action names recorded in the trail. Modules add their own verbs on their own objects. */
public final class AuditActions {

  public static final String SIGN_IN = "SIGN_IN";
  public static final String SIGN_OUT = "SIGN_OUT";
  public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
  public static final String ACCESS_DENIED = "ACCESS_DENIED";
  public static final String TOKEN_ISSUED = "TOKEN_ISSUED";
  public static final String TOKEN_REFUSED = "TOKEN_REFUSED";
  public static final String TOKEN_REJECTED = "TOKEN_REJECTED";
  public static final String TOKEN_REVOKED = "TOKEN_REVOKED";
  public static final String IMPORT = "IMPORT";
  public static final String READ = "READ";
  public static final String SEARCH = "SEARCH";
  public static final String CREATE = "CREATE";
  public static final String UPDATE = "UPDATE";
  public static final String DELETE = "DELETE";
  public static final String PRINT = "PRINT";
  public static final String EXPORT = "EXPORT";
  public static final String PRIVILEGE_CHANGE = "PRIVILEGE_CHANGE";
  public static final String AUDIT_VERIFY = "AUDIT_VERIFY";
  public static final String AUDIT_REPORT = "AUDIT_REPORT";

  private AuditActions() {}
}
