package org.recto.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.recto.delivery.DeliveryProperties;
import org.springframework.stereotype.Component;

/**
 * AES-GCM for the stored tokens: a fresh 96-bit nonce per value, the row's session key and provider as associated
 * data (a ciphertext copied to another row does not decrypt), Base64 of nonce and ciphertext.
 */
@Component
public class TokenCipher {

    private static final int NONCE = 12;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(DeliveryProperties props) {
        this.key = props.tokenKey().isBlank() ? null : new SecretKeySpec(decodeKey(props.tokenKey()), "AES");
    }

    /** Whether a key is configured; without one nothing is stored and the cloud options say they are not configured. */
    public boolean ready() {
        return key != null;
    }

    public String encrypt(String plain, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain value; IllegalStateException when it was not sealed with this key for this row. */
    public String decrypt(String sealed, String context) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher aes = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(in, NONCE), context);
            return new String(aes.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored token does not decrypt with the configured key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        if (key == null) {
            throw new IllegalStateException("recto.delivery.token-key (RECTO_DELIVERY_TOKEN_KEY) is not set");
        }
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, key, new GCMParameterSpec(128, nonce));
        aes.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return aes;
    }

    private static byte[] decodeKey(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("recto.delivery.token-key must be Base64 (e.g. openssl rand -base64 32)", e);
        }
        if (raw.length != 16 && raw.length != 32) {
            throw new IllegalArgumentException("recto.delivery.token-key must be 16 or 32 bytes once Base64-decoded, not " + raw.length);
        }
        return raw;
    }
}
