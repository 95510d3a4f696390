/**
 * The audit trail: one append-only, hash-chained event for every sign-in, sign-out, failed sign-in,
 * authorization denial and every read or write of patient data, whichever way it came.
 *
 * <p>Other modules record through {@link org.relief.audit.AuditTrail} synchronously, not by event:
 * an access that cannot be audited must not happen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.relief.audit;
