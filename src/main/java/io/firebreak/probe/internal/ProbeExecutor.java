package io.firebreak.probe.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

import io.firebreak.probe.ProbeType;
import io.firebreak.probe.ProbeView;

/**
 * Runs one probe against its target, outside any database transaction, bounded by the check's
 * timeout (connection, answer and body together). Redirects are not followed (a 3xx is the
 * answer), bodies are read up to 1 MiB, and every target address passes the {@link AddressGuard}.
 */
@Component
public class ProbeExecutor implements AutoCloseable {

    static final int MAX_BODY = 1 << 20;

    private final AddressGuard guard;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();

    ProbeExecutor(AddressGuard guard) {
        this.guard = guard;
    }

    /** Runs the probe and describes the outcome; never throws. */
    public Outcome run(ProbeView probe) {
        long start = System.nanoTime();
        Future<Outcome> task = runners.submit(() -> probe.type() == ProbeType.HTTP ? http(probe, start)
                : tcp(probe, start));
        try {
            return task.get(probe.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return Outcome.failed(elapsed(start), null, "timed out after " + probe.timeoutMs() + " ms");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.failed(null, null, "interrupted");
        } catch (ExecutionException e) {
            return Outcome.failed(elapsed(start), null, "error: " + e.getCause());
        }
    }

    private Outcome http(ProbeView p, long start) {
        URI uri = URI.create(p.url());
        try {
            guard.resolve(uri.getHost());
        } catch (AddressGuard.RefusedException e) {
            return Outcome.failed(null, null, e.getMessage());
        } catch (UnknownHostException e) {
            return Outcome.failed(null, null, "unknown host " + uri.getHost());
        }
        String method = p.method() == null ? "GET" : p.method();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(p.timeoutMs()))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("User-Agent", "Firebreak-HealthCheck/1")
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String body;
            try (InputStream in = response.body()) {
                body = p.bodyContains() == null || "HEAD".equals(method) ? null : readLimited(in);
            }
            long latency = elapsed(start);
            if (!ExpectedStatus.parse(p.expectedStatus()).matches(status)) {
                return Outcome.failed(latency, status, "status " + status + " is not " + p.expectedStatus());
            }
            if (p.bodyContains() != null && (body == null || !body.contains(p.bodyContains()))) {
                return Outcome.failed(latency, status, "body does not contain the expected text");
            }
            if (p.latencyLimitMs() != null && latency > p.latencyLimitMs()) {
                return Outcome.failed(latency, status,
                        "latency " + latency + " ms over the limit of " + p.latencyLimitMs() + " ms");
            }
            return Outcome.passed(latency, status);
        } catch (HttpTimeoutException e) {
            return Outcome.failed(elapsed(start), null, "timed out after " + p.timeoutMs() + " ms");
        } catch (IOException e) {
            return Outcome.failed(elapsed(start), null, "connection failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(null, null, "interrupted");
        }
    }

    private Outcome tcp(ProbeView p, long start) {
        InetAddress address;
        try {
            address = guard.resolve(p.host());
        } catch (AddressGuard.RefusedException e) {
            return Outcome.failed(null, null, e.getMessage());
        } catch (UnknownHostException e) {
            return Outcome.failed(null, null, "unknown host " + p.host());
        }
        // Connecting to the address just checked (not the name again) leaves no room for DNS rebinding.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, p.port()), p.timeoutMs());
            return Outcome.passed(elapsed(start), null);
        } catch (java.net.SocketTimeoutException e) {
            return Outcome.failed(elapsed(start), null, "timed out after " + p.timeoutMs() + " ms");
        } catch (IOException e) {
            return Outcome.failed(elapsed(start), null, "connection failed: " + describe(e));
        }
    }

    private static String readLimited(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while (out.size() < MAX_BODY && (n = in.read(buf, 0, Math.min(buf.length, MAX_BODY - out.size()))) > 0) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Override
    public void close() {
        runners.shutdownNow();
        http.shutdownNow();
    }
}
