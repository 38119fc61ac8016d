package org.recto.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code Authorization: Bearer …} header of admin requests against {@code recto.admin-token}.
 * An empty configured token refuses everyone, so a fresh install is not open by accident.
 */
@Component
public class AdminToken {

    private final byte[] token;

    @Autowired
    public AdminToken(AdminProperties properties) {
        this(properties.adminToken());
    }

    public AdminToken(String token) {
        this.token = token == null ? new byte[0] : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the header carries the configured token (compared in constant time). */
    public boolean accepts(String authorizationHeader) {
        if (token.length == 0 || authorizationHeader == null) {
            return false;
        }
        String prefix = "Bearer ";
        if (!authorizationHeader.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        byte[] given = authorizationHeader.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, given);
    }
}
