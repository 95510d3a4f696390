package org.relief.procedures;

import java.util.Arrays;
import java.util.Optional;

/** What may be injected, by generic name; corticosteroids count towards steroid exposure. */
public enum InjectateDrug {
  DEXAMETHASONE("dexamethasone", true),
  TRIAMCINOLONE("triamcinolone", true),
  METHYLPREDNISOLONE("methylprednisolone", true),
  BETAMETHASONE("betamethasone", true),
  LIDOCAINE("lidocaine", false),
  BUPIVACAINE("bupivacaine", false),
  ROPIVACAINE("ropivacaine", false),
  SALINE("saline", false),
  CLONIDINE("clonidine", false),
  HYALURONIDASE("hyaluronidase", false);

  private final String code;
  private final boolean corticosteroid;

  InjectateDrug(String code, boolean corticosteroid) {
    this.code = code;
    this.corticosteroid = corticosteroid;
  }

  public String code() {
    return code;
  }

  public boolean corticosteroid() {
    return corticosteroid;
  }

  public static Optional<InjectateDrug> fromCode(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
  }
}
