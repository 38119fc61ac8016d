/** Who may use the admin API: the bearer token from {@code recto.admin-token}. */
@org.springframework.modulith.ApplicationModule(displayName = "Admin access", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.recto.admin;
