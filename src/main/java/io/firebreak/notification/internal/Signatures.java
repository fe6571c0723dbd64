package io.firebreak.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 helpers for the platforms' signing schemes and Firebreak's own links. */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DingTalk: Base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)), not yet URL-encoded. */
    public static String dingTalk(long timestampMillis, String secret) {
        String toSign = timestampMillis + "\n" + secret;
        return Base64.getEncoder().encodeToString(
                hmacSha256(secret.getBytes(StandardCharsets.UTF_8), toSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** Feishu/Lark: Base64(HMAC-SHA256(key = timestamp + "\n" + secret, data = empty)). */
    public static String feishu(long timestampSeconds, String secret) {
        String key = timestampSeconds + "\n" + secret;
        return Base64.getEncoder().encodeToString(hmacSha256(key.getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    /** Generic webhook: hex(HMAC-SHA256(key = secret, data = timestamp + "." + body)). */
    public static String webhook(long timestampSeconds, String body, String secret) {
        return HexFormat.of().formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
