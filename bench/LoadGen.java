// Firebreak ingestion load generator: a single-file Java program (java bench/LoadGen.java ...).
//
// It speaks HTTP/1.1 over plain keep-alive sockets (one virtual thread per connection) so that the
// generator costs little CPU next to the server on a small machine. Two modes:
//   closed : every connection sends its next request as soon as the previous answer arrived, for
//            the duration; reports requests/s, alerts/s and latency percentiles.
//   rate   : open loop at a fixed request rate; each request has a scheduled send time and its
//            latency is measured from that time (no coordinated omission), so a server that
//            falls behind shows it in p99. Requests still unsent 5 s after the end are abandoned
//            and counted as "unsent" (the server could not keep the rate).
// Payloads:
//   webhook      Alertmanager webhook (version 4) with --batch alerts per request, unique fingerprints
//   v2           Alertmanager API v2 array (what Prometheus sends) with --batch alerts, unique label sets
//   webhook-dedup / v2-dedup: the same, but fingerprints / label sets drawn from --distinct values
// Only 2xx answers count as successes; anything else (429 included) is counted and reported.
//
// Usage: java bench/LoadGen.java --url URL [--token KEY] --payload webhook|v2|webhook-dedup|v2-dedup
//        [--mode closed|rate] [--connections 32] [--duration 15] [--warmup 3] [--rate 2000]
//        [--batch 1] [--distinct 10] [--label NAME]
// Prints one JSON line with the results.

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

public class LoadGen {

    static final AtomicLong SEQ = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI url = URI.create(req(o, "url"));
        String token = o.get("token");
        String payload = o.getOrDefault("payload", "webhook");
        String mode = o.getOrDefault("mode", "closed");
        int connections = Integer.parseInt(o.getOrDefault("connections", "32"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "15"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "3"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "2000"));
        int batch = Integer.parseInt(o.getOrDefault("batch", "1"));
        int distinct = Integer.parseInt(o.getOrDefault("distinct", "10"));
        String label = o.getOrDefault("label", payload);
        String runId = Long.toString(System.nanoTime(), 36);

        var stats = new Stats();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        List<Thread> threads = new ArrayList<>();
        if (mode.equals("closed")) {
            for (int c = 0; c < connections; c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try (var conn = new Conn(url, token)) {
                        while (true) {
                            long t0 = System.nanoTime();
                            if (t0 >= end) {
                                break;
                            }
                            int status = conn.post(body(payload, batch, distinct, runId));
                            long t1 = System.nanoTime();
                            if (t0 >= measureFrom) {
                                stats.record(status, t1 - t0, batch);
                            }
                        }
                    } catch (IOException e) {
                        stats.ioErrors.increment();
                    }
                }));
            }
        } else {
            BlockingQueue<Long> due = new ArrayBlockingQueue<>(1_000_000);
            long abandon = end + TimeUnit.SECONDS.toNanos(5);
            for (int c = 0; c < connections; c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    Conn conn = null;
                    try {
                        conn = new Conn(url, token);
                        while (true) {
                            Long scheduled = due.poll(100, TimeUnit.MILLISECONDS);
                            if (scheduled == null) {
                                if (System.nanoTime() > end) {
                                    break;
                                }
                                continue;
                            }
                            if (scheduled < 0) {
                                break;
                            }
                            if (System.nanoTime() > abandon) {
                                // Far behind schedule: stop sending, count what was never sent.
                                stats.unsent.increment();
                                continue;
                            }
                            int status = conn.post(body(payload, batch, distinct, runId));
                            long t1 = System.nanoTime();
                            if (scheduled >= measureFrom) {
                                stats.record(status, t1 - scheduled, batch);
                            }
                        }
                    } catch (IOException e) {
                        stats.ioErrors.increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        if (conn != null) {
                            conn.close();
                        }
                    }
                }));
            }
            long interval = 1_000_000_000L / rate;
            long next = start;
            while (next < end) {
                long now = System.nanoTime();
                while (next <= now && next < end) {
                    if (!due.offer(next)) {
                        stats.dropped.increment();
                    }
                    next += interval;
                }
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(sleep, 1_000_000));
                }
            }
            for (int c = 0; c < connections; c++) {
                due.put(-1L);
            }
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(duration + warmup + 60));
        }
        double seconds = duration;
        long[] lat = stats.latencies();
        System.out.printf(
                "{\"label\":\"%s\",\"mode\":\"%s\",\"payload\":\"%s\",\"batch\":%d,\"connections\":%d,\"rateTarget\":%s,"
                        + "\"requests\":%d,\"ok\":%d,\"non2xx\":%d,\"status429\":%d,\"ioErrors\":%d,\"dropped\":%d,\"unsent\":%d,"
                        + "\"requestsPerSec\":%.1f,\"alertsPerSec\":%.1f,\"p50ms\":%.2f,\"p99ms\":%.2f,\"maxms\":%.2f,"
                        + "\"statuses\":\"%s\",\"at\":\"%s\"}%n",
                label, mode, payload, batch, connections, mode.equals("rate") ? rate : "null", lat.length,
                stats.ok.sum(), stats.non2xx.sum(), stats.tooMany.sum(), stats.ioErrors.sum(), stats.dropped.sum(),
                stats.unsent.sum(),
                stats.ok.sum() / seconds, stats.alerts.sum() / seconds, pct(lat, 50), pct(lat, 99), pct(lat, 100),
                stats.statuses, Instant.now());
    }

    static String req(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            System.err.println("missing --" + key);
            System.exit(2);
        }
        return v;
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** A request body: alerts with unique identities, or drawn from a few (dedup). */
    static byte[] body(String payload, int batch, int distinct, String runId) {
        boolean dedup = payload.endsWith("-dedup");
        var sb = new StringBuilder(256 * batch);
        String now = Instant.now().toString();
        if (payload.startsWith("webhook")) {
            String group = "{}:{alertname=\"BenchAlert\"}";
            sb.append("{\"version\":\"4\",\"groupKey\":\"").append(group.replace("\"", "\\\""))
                    .append("\",\"status\":\"firing\",\"receiver\":\"firebreak\",\"groupLabels\":{\"alertname\":\"BenchAlert\"},")
                    .append("\"commonLabels\":{\"alertname\":\"BenchAlert\"},\"commonAnnotations\":{},")
                    .append("\"externalURL\":\"http://alertmanager.bench:9093\",\"truncatedAlerts\":0,\"alerts\":[");
            for (int i = 0; i < batch; i++) {
                long n = dedup ? SEQ.incrementAndGet() % distinct : SEQ.incrementAndGet();
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"BenchAlert\",\"severity\":\"warning\",\"instance\":\"")
                        .append(runId).append('-').append(n).append("\"},\"annotations\":{\"summary\":\"bench alert ")
                        .append(n).append("\"},\"startsAt\":\"").append(now)
                        .append("\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prometheus.bench/graph\",\"fingerprint\":\"")
                        .append(runId).append(String.format("%016x", n)).append("\"}");
            }
            sb.append("]}");
        } else {
            String ends = Instant.now().plusSeconds(3600).toString();
            sb.append('[');
            for (int i = 0; i < batch; i++) {
                long n = dedup ? SEQ.incrementAndGet() % distinct : SEQ.incrementAndGet();
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"labels\":{\"alertname\":\"BenchAlert\",\"severity\":\"warning\",\"instance\":\"")
                        .append(runId).append('-').append(n).append("\"},\"annotations\":{\"summary\":\"bench alert ")
                        .append(n).append("\"},\"startsAt\":\"").append(now).append("\",\"endsAt\":\"").append(ends)
                        .append("\",\"generatorURL\":\"http://prometheus.bench/graph\"}");
            }
            sb.append(']');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static final class Stats {
        final LongAdder ok = new LongAdder();
        final LongAdder non2xx = new LongAdder();
        final LongAdder tooMany = new LongAdder();
        final LongAdder ioErrors = new LongAdder();
        final LongAdder dropped = new LongAdder();
        final LongAdder unsent = new LongAdder();
        final LongAdder alerts = new LongAdder();
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final List<Recorder> recorders = new ArrayList<>();
        final ThreadLocal<Recorder> local = ThreadLocal.withInitial(() -> {
            var r = new Recorder();
            synchronized (recorders) {
                recorders.add(r);
            }
            return r;
        });

        void record(int status, long nanos, int batch) {
            statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
            if (status >= 200 && status < 300) {
                ok.increment();
                alerts.add(batch);
            } else {
                non2xx.increment();
                if (status == 429) {
                    tooMany.increment();
                }
            }
            local.get().add(nanos);
        }

        /** All recorded latencies, sorted; call after the sending threads have finished. */
        long[] latencies() {
            synchronized (recorders) {
                int total = 0;
                for (Recorder r : recorders) {
                    total += r.n;
                }
                long[] all = new long[total];
                int at = 0;
                for (Recorder r : recorders) {
                    System.arraycopy(r.data, 0, all, at, r.n);
                    at += r.n;
                }
                Arrays.sort(all);
                return all;
            }
        }
    }

    /** One thread's latencies (each connection is one thread). */
    static final class Recorder {
        long[] data = new long[1 << 14];
        int n;

        void add(long v) {
            if (n == data.length) {
                data = Arrays.copyOf(data, n * 2);
            }
            data[n++] = v;
        }
    }

    /** One keep-alive HTTP/1.1 connection; reconnects when the server closes it. */
    static final class Conn implements AutoCloseable {
        final URI url;
        final String token;
        final byte[] head;
        Socket socket;
        OutputStream out;
        InputStream in;

        Conn(URI url, String token) throws IOException {
            this.url = url;
            this.token = token;
            String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")).getBytes(StandardCharsets.US_ASCII);
            connect();
        }

        void connect() throws IOException {
            close();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        int post(byte[] body) throws IOException {
            for (int attempt = 0; ; attempt++) {
                try {
                    byte[] len = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    byte[] all = new byte[head.length + len.length + body.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(len, 0, all, head.length, len.length);
                    System.arraycopy(body, 0, all, head.length + len.length, body.length);
                    out.write(all);
                    out.flush();
                    return readResponse();
                } catch (IOException e) {
                    if (attempt > 0) {
                        throw e;
                    }
                    connect();
                }
            }
        }

        int readResponse() throws IOException {
            String status = line();
            if (status == null) {
                throw new IOException("connection closed");
            }
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String h;
            while ((h = line()) != null && !h.isEmpty()) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                while (true) {
                    String size = line();
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (n == 0) {
                        while ((h = line()) != null && !h.isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    skip(n);
                    line();
                }
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                connect();
            }
            return code;
        }

        void skip(long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("eof in body");
                    }
                    s = 1;
                }
                n -= s;
            }
        }

        String line() throws IOException {
            var sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int l = sb.length();
                    return l > 0 && sb.charAt(l - 1) == '\r' ? sb.substring(0, l - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
