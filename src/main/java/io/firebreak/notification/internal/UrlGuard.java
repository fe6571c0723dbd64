package io.firebreak.notification.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Guards every outbound URL against server-side request forgery: https only, and no loopback,
 * link-local, private, unique-local, wildcard or cloud-metadata address unless an admin
 * allow-list entry (a host name, an address or a CIDR range) permits it; an allow-listed host
 * may also use plain http. {@link #check(String)} resolves the host and checks every address it
 * resolves to, and is called again right before each send, so a name that later resolves to an
 * internal address (DNS rebinding) is refused at send time.
 */
@Component
public class UrlGuard {

    private final JdbcClient jdbc;

    UrlGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The URL is refused for the given reason. */
    public static class RefusedUrlException extends RuntimeException {
        RefusedUrlException(String message) {
            super(message);
        }
    }

    /** Returns the parsed URI if it may be reached now; throws {@link RefusedUrlException} otherwise. */
    public URI check(String url) {
        return check(url, false);
    }

    /**
     * The check when a channel is saved: like {@link #check(String)}, but a host that does not
     * resolve from here yet is accepted (it is checked again, resolved, before every send).
     */
    public URI checkForSave(String url) {
        return check(url, true);
    }

    private URI check(String url, boolean tolerateUnresolved) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new RefusedUrlException("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new RefusedUrlException("only absolute https URLs are allowed");
        }
        if (uri.getUserInfo() != null) {
            throw new RefusedUrlException("credentials in the URL are not allowed");
        }
        List<String> allow = allowList();
        boolean hostAllowed = allow.stream().anyMatch(e -> e.equalsIgnoreCase(host));
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            if (tolerateUnresolved && !host.matches("[0-9.:\\[\\]a-fA-F]+")
                    && (scheme.equals("https") || hostAllowed)) {
                return uri;
            }
            throw new RefusedUrlException("host " + host + " does not resolve");
        }
        boolean allAllowed = true;
        for (InetAddress address : addresses) {
            boolean allowed = hostAllowed || allow.stream().anyMatch(e -> matches(e, address));
            if (!allowed && isInternal(address)) {
                throw new RefusedUrlException("address " + address.getHostAddress() + " of " + host
                        + " is internal (loopback, private, link-local or metadata) and not allow-listed");
            }
            allAllowed &= allowed;
        }
        if (scheme.equals("http") && !allAllowed) {
            throw new RefusedUrlException("only https URLs are allowed (http only for allow-listed hosts)");
        }
        return uri;
    }

    /**
     * The check of an SMTP server before each email: its host must not resolve to an internal
     * address unless the admin allow-list or {@code firebreak.notification.smtp-allowed-hosts}
     * (entries {@code extraAllowed}: host names, addresses or CIDR ranges; SMTP relays are usually
     * internal) permits it. Throws {@link RefusedUrlException} with the reason.
     */
    public void checkSmtpHost(String host, List<String> extraAllowed) {
        if (host == null || host.isBlank()) {
            throw new RefusedUrlException("no SMTP host");
        }
        List<String> allow = new java.util.ArrayList<>(allowList());
        allow.addAll(extraAllowed);
        boolean hostAllowed = allow.stream().anyMatch(e -> e.equalsIgnoreCase(host.strip()));
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.strip());
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("SMTP host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!hostAllowed && isInternal(address) && allow.stream().noneMatch(e -> matches(e, address))) {
                throw new RefusedUrlException("address " + address.getHostAddress() + " of SMTP host " + host
                        + " is internal and not allow-listed (firebreak.notification.smtp-allowed-hosts)");
            }
        }
    }

    List<String> allowList() {
        return jdbc.sql("SELECT entry FROM notification_allow_entry ORDER BY entry").query(String.class).list();
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 benchmark nets.
            return first == 0 || (first == 100 && second >= 64 && second < 128)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19));
        }
        if (a instanceof Inet6Address) {
            // fc00::/7 unique local; IPv4-mapped addresses are judged by their IPv4 part.
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if the allow-list entry (address or CIDR) covers the address. */
    static boolean matches(String entry, InetAddress address) {
        String e = entry.strip();
        int slash = e.indexOf('/');
        String base = slash < 0 ? e : e.substring(0, slash);
        if (!base.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        byte[] net;
        try {
            net = InetAddress.getByName(base).getAddress();
        } catch (UnknownHostException ex) {
            return false;
        }
        byte[] addr = address.getAddress();
        if (net.length != addr.length) {
            return false;
        }
        int bits = slash < 0 ? net.length * 8 : Integer.parseInt(e.substring(slash + 1));
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Checks an allow-list entry's syntax: a host name, an address, or address/prefix. */
    static boolean validEntry(String entry) {
        if (entry == null || entry.isBlank() || entry.length() > 200) {
            return false;
        }
        String e = entry.strip();
        int slash = e.indexOf('/');
        if (slash >= 0) {
            String base = e.substring(0, slash);
            String prefix = e.substring(slash + 1);
            if (!base.matches("[0-9a-fA-F:.]+") || !prefix.matches("\\d{1,3}")) {
                return false;
            }
            int max = base.contains(":") ? 128 : 32;
            return Integer.parseInt(prefix) <= max;
        }
        return e.matches("[A-Za-z0-9.:\\-]+");
    }
}
