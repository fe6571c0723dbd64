// Alert arrival -> first page latency, measured at a real webhook receiver.
//
// Hosts an HTTP receiver (the page destination), sends "measured" alerts (a new alert name each, so
// each opens a new incident downstream / a new Alertmanager group) at --rate per second as Prometheus
// does (API v2 array, one alert per request), and background alerts at --background per second to
// --background-url. The latency of a measured alert is the time from just before its request is sent
// to the moment its page (a request whose body carries the alert's marker) reaches the receiver; both
// ends are in this process, on one clock. Alerts sent during --warmup are not counted; pages still
// missing --grace seconds after the last send count as missing.
//
// Usage: java bench/PageLatency.java --url URL [--token KEY] --receiver-port PORT
//        [--background-url URL] [--background-token KEY] [--background 100] [--rate 5]
//        [--duration 60] [--warmup 10] [--grace 10] [--label NAME]
// Prints one JSON line: label, sent, received, missing, p50_ms, p90_ms, p99_ms, max_ms, background_non2xx.

import com.sun.net.httpserver.HttpServer;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class PageLatency {

    static final Pattern MARKER = Pattern.compile("PageLat(\\d+)x");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.get("url");
        String token = o.get("token");
        String bgUrl = o.get("background-url");
        String bgToken = o.getOrDefault("background-token", token);
        int port = Integer.parseInt(o.get("receiver-port"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "5"));
        double background = Double.parseDouble(o.getOrDefault("background", "100"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        int grace = Integer.parseInt(o.getOrDefault("grace", "10"));
        String label = o.getOrDefault("label", "run");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        Map<Long, Long> latency = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            Matcher m = MARKER.matcher(body);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                Long t0 = sentAt.get(n);
                if (t0 != null) {
                    latency.putIfAbsent(n, now - t0);
                }
            }
        });
        receiver.start();

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(16)).build();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        AtomicLong seq = new AtomicLong();
        AtomicLong bgSeq = new AtomicLong();
        AtomicLong bgNon2xx = new AtomicLong();
        AtomicLong measuredNon2xx = new AtomicLong();
        long start = System.nanoTime();
        long warmEnd = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = warmEnd + TimeUnit.SECONDS.toNanos(duration);

        if (bgUrl != null && background > 0) {
            timer.scheduleAtFixedRate(() -> {
                if (System.nanoTime() >= end) {
                    return;
                }
                long n = bgSeq.incrementAndGet();
                send(client, bgUrl, bgToken, alert("Background", run + "-bg-" + n))
                        .thenAccept(s -> { if (s / 100 != 2) { bgNon2xx.incrementAndGet(); } });
            }, 0, (long) (1e9 / background), TimeUnit.NANOSECONDS);
        }
        List<Long> counted = new ArrayList<>();
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            long n = seq.incrementAndGet();
            if (now >= warmEnd) {
                synchronized (counted) {
                    counted.add(n);
                }
            }
            sentAt.put(n, System.nanoTime());
            send(client, url, token, alert("PageLat" + n + "x" + run, run + "-m-" + n))
                    .thenAccept(s -> { if (s / 100 != 2) { measuredNon2xx.incrementAndGet(); } });
        }, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);

        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
        timer.shutdown();
        long graceEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(grace);
        while (System.nanoTime() < graceEnd) {
            boolean all;
            synchronized (counted) {
                all = counted.stream().allMatch(latency::containsKey);
            }
            if (all) {
                break;
            }
            Thread.sleep(100);
        }
        receiver.stop(0);
        List<Long> values = new ArrayList<>();
        int missing = 0;
        synchronized (counted) {
            for (long n : counted) {
                Long l = latency.get(n);
                if (l == null) {
                    missing++;
                } else {
                    values.add(l);
                }
            }
        }
        values.sort(null);
        System.out.printf(java.util.Locale.ROOT,
                "{\"label\":\"%s\",\"sent\":%d,\"received\":%d,\"missing\":%d,\"p50_ms\":%.1f,\"p90_ms\":%.1f,"
                        + "\"p99_ms\":%.1f,\"max_ms\":%.1f,\"measured_non2xx\":%d,\"background_sent\":%d,"
                        + "\"background_non2xx\":%d}%n",
                label, counted.size(), values.size(), missing, pct(values, 50), pct(values, 90), pct(values, 99),
                values.isEmpty() ? 0 : values.get(values.size() - 1) / 1e6, measuredNon2xx.get(), bgSeq.get(),
                bgNon2xx.get());
        System.exit(0);
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    /** One alert as Prometheus sends it to an Alertmanager (API v2). */
    static String alert(String name, String instance) {
        String now = Instant.now().toString();
        String ends = Instant.now().plusSeconds(3600).toString();
        return "[{\"labels\":{\"alertname\":\"" + name + "\",\"severity\":\"critical\",\"instance\":\"" + instance
                + "\"},\"annotations\":{\"summary\":\"" + name + " on " + instance + "\"},\"startsAt\":\"" + now
                + "\",\"endsAt\":\"" + ends + "\",\"generatorURL\":\"http://prometheus.bench/graph\"}]";
    }

    static java.util.concurrent.CompletableFuture<Integer> send(HttpClient client, String url, String token,
            String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
                .exceptionally(e -> -1);
    }
}
