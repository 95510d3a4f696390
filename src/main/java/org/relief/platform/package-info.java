/**
 * Shared infrastructure every module may use: the database (embedded PostgreSQL by default), the
 * clock, the page shell and error handling, practice-wide settings.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.relief.platform;

import org.springframework.modulith.ApplicationModule;
