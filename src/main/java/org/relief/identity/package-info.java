/**
 * Who may use Relief: user accounts with roles, sign-in with lockout, sessions kept in PostgreSQL,
 * API clients and their bearer tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.relief.identity;
