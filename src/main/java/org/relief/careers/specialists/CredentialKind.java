package org.relief.careers.specialists;

/** The kinds of repeated credential row a specialist adds and removes. */
public enum CredentialKind {
  LICENCE("specialist_licence", "licence"),
  REGISTRATION("specialist_registration", "registration"),
  BOARD("specialist_board", "board certification"),
  CME("specialist_cme", "CME record"),
  CME_REQUIREMENT("specialist_cme_requirement", "CME requirement");

  private final String table;
  private final String label;

  CredentialKind(String table, String label) {
    this.table = table;
    this.label = label;
  }

  String table() {
    return table;
  }

  public String label() {
    return label;
  }
}
