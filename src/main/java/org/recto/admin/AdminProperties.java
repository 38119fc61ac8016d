package org.recto.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin interface's setting ({@code recto.admin-token}, from {@code RECTO_ADMIN_TOKEN}).
 *
 * @param adminToken the bearer token admin requests must carry; empty refuses every admin request
 */
@ConfigurationProperties("recto")
public record AdminProperties(@DefaultValue("") String adminToken) {
}
