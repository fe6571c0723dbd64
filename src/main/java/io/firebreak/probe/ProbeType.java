package io.firebreak.probe;

/** What a health check does: an HTTP(S) request, or opening a TCP connection. */
public enum ProbeType {
    HTTP, TCP
}
