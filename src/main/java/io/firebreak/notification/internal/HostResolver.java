package io.firebreak.notification.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks a host name up: every address it resolves to now, or {@link UnknownHostException}. The
 * {@link UrlGuard} checks what this answers and connections go only to those addresses; the
 * application uses the JVM's resolver ({@link InetAddress#getAllByName}), tests a scripted one.
 */
@FunctionalInterface
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;
}
