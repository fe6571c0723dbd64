package io.firebreak.notification.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Guards every outbound URL against server-side request forgery: https only, and no loopback,
 * link-local, private, unique-local, wildcard or cloud-metadata address unless an admin
 * allow-list entry (a host name, an address or a CIDR range) permits it; an allow-listed host
 * may also use plain http. One method makes the address decision, {@link #checkedAddresses}: it
 * resolves the host now and returns the addresses it resolves to, each checked. {@link #check}
 * uses it when a channel is saved or tested, and {@link OutboundHttp} uses it as the DNS resolver
 * of every connection, so a connection goes to exactly the addresses that were checked and a
 * name that starts resolving to an internal address (DNS rebinding) is refused at connect time.
 * The lookup itself is a {@link HostResolver} (the JVM's resolver; tests supply their own).
 */
@Component
public class UrlGuard {

    private final JdbcClient jdbc;
    private final HostResolver resolver;

    @Autowired
    UrlGuard(JdbcClient jdbc) {
        this(jdbc, InetAddress::getAllByName);
    }

    /** A guard whose lookups go to {@code resolver} (tests script DNS answers with it). */
    public UrlGuard(JdbcClient jdbc, HostResolver resolver) {
        this.jdbc = jdbc;
        this.resolver = resolver;
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
        URI uri = parse(url);
        String host = uri.getHost();
        try {
            checkedAddresses(uri.getScheme(), host);
        } catch (UnknownHostException e) {
            boolean https = uri.getScheme().equalsIgnoreCase("https");
            if (tolerateUnresolved && !host.matches("[0-9.:\\[\\]a-fA-F]+")
                    && (https || allowList().stream().anyMatch(entry -> entry.equalsIgnoreCase(host)))) {
                return uri;
            }
            throw new RefusedUrlException("host " + host + " does not resolve");
        }
        return uri;
    }

    /**
     * The rules a URL must meet before any lookup: absolute, https or http, with a host and without
     * credentials. Returns the parsed URI; throws {@link RefusedUrlException} otherwise.
     */
    public URI parse(String url) {
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
        return uri;
    }

    /**
     * Resolves {@code host} now and returns every address it resolves to, each checked against the
     * allow-list: throws {@link RefusedUrlException} if any of them is internal and not allow-listed,
     * or, for {@code scheme} http, if not all of them are allow-listed (by host name or address).
     * The caller connects only to the returned addresses. Throws {@link UnknownHostException} if the
     * host does not resolve.
     */
    public InetAddress[] checkedAddresses(String scheme, String host) throws UnknownHostException {
        return checked(host, allowList(), "http".equalsIgnoreCase(scheme), "", "");
    }

    /**
     * The check of an SMTP server, before each email and again as its connection is opened: like
     * {@link #checkedAddresses} for https, with the entries {@code extraAllowed} of
     * {@code firebreak.notification.smtp-allowed-hosts} (host names, addresses or CIDR ranges; SMTP
     * relays are usually internal) added to the allow-list. Returns the checked addresses; throws
     * {@link RefusedUrlException} with the reason, also when the host does not resolve.
     */
    public InetAddress[] checkSmtpHost(String host, List<String> extraAllowed) {
        if (host == null || host.isBlank()) {
            throw new RefusedUrlException("no SMTP host");
        }
        List<String> allow = new ArrayList<>(allowList());
        allow.addAll(extraAllowed);
        try {
            return checked(host.strip(), allow, false, "SMTP host ", " (firebreak.notification.smtp-allowed-hosts)");
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("SMTP host " + host + " does not resolve");
        }
    }

    /** The one address check; {@code what} and {@code hint} only shape the refusal's message. */
    private InetAddress[] checked(String host, List<String> allow, boolean plainHttp, String what, String hint)
            throws UnknownHostException {
        boolean hostAllowed = allow.stream().anyMatch(e -> e.equalsIgnoreCase(host));
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        boolean allAllowed = true;
        for (InetAddress address : addresses) {
            boolean allowed = hostAllowed || allow.stream().anyMatch(e -> matches(e, address));
            if (!allowed && isInternal(address)) {
                throw new RefusedUrlException("address " + address.getHostAddress() + " of " + what + host
                        + " is internal (loopback, private, link-local or metadata) and not allow-listed" + hint);
            }
            allAllowed &= allowed;
        }
        if (plainHttp && !allAllowed) {
            throw new RefusedUrlException("only https URLs are allowed (http only for allow-listed hosts)");
        }
        return addresses.clone();
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
