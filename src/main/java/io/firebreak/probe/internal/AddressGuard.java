package io.firebreak.probe.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps health checks from being used to reach internal networks (SSRF): a probe's host is
 * resolved when it runs and refused if any address is loopback, link-local (including the cloud
 * metadata address 169.254.169.254), private, carrier-grade NAT, unique-local IPv6, wildcard or
 * multicast, unless {@code firebreak.probe.allow-private=true}.
 */
@Component
public class AddressGuard {

    private volatile boolean allowPrivate;

    AddressGuard(@Value("${firebreak.probe.allow-private:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** For tests of the refusal in a context that otherwise allows local targets. */
    void allowPrivate(boolean allow) {
        this.allowPrivate = allow;
    }

    /** Whether non-public targets are allowed ({@code firebreak.probe.allow-private}). */
    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * Resolves the host and returns the first address, or throws {@link RefusedException} when an
     * address is not public and private targets are not allowed.
     */
    InetAddress resolve(String host) throws UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(host);
        if (!allowPrivate) {
            for (InetAddress a : all) {
                if (!isPublic(a)) {
                    throw new RefusedException("refused: " + host + " resolves to the non-public address "
                            + a.getHostAddress() + " (set firebreak.probe.allow-private=true to allow)");
                }
            }
        }
        return all[0];
    }

    /** Whether the address is a public unicast address. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return false;
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return false; // carrier-grade NAT 100.64.0.0/10
            }
            if (first == 169 && second == 254) {
                return false; // link-local, cloud metadata
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return false;
            }
            return true;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A probe target refused by the SSRF rule. */
    static class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }
}
