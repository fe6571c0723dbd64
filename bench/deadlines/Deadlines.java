// Firebreak deadline benchmark: a single-file Java program, run by bench/deadlines/run.sh against a
// running Firebreak with the H2 and PostgreSQL JDBC drivers on the class path.
//
//   seed     Through the public API: a pager user, a service and an escalation policy for it
//            (step 1: the pager at once; step 2 and step 3: the pager 10 hours later each; the
//            pager has no contact method, so a page writes its rows and sends nothing), and one
//            P3 incident declared on the service: the template. Then, by SQL (declaring 10,000
//            incidents through the API takes ~20 minutes on this shared 2-core machine), --count
//            copies of the template incident (its incident, incident_service, incident_stage and
//            incident_clock rows, ids and numbers from 1,000,000 up) each with an ACTIVE
//            escalation_incident row whose step 2 falls due at start + k * window / count: the
//            deadlines are spread evenly over --window seconds beginning --lead seconds after the
//            seeding. --warmup (2000) more copies (ids below 1,000,000, not measured) fall due at the
//            same rate just before the window, so that the paging code is compiled (JIT) when it starts. The running application is told nothing: its scheduled pass (1 s) finds the
//            earliest due row and arms the wake-up, as it does for rows another instance wrote.
//   measure  Waits until the last deadline plus --grace seconds (and, if the worker fell behind,
//            until every step was paged or --timeout seconds more passed), then reads escalation_page:
//              lateness = paged_at of the step (the claim's clock, written in the paging transaction) - due_at
//            Prints one JSON line: count, fired, missing, early (paged before due_at: must be 0),
//            median, p90, p99, max lateness in ms.
//   burst    Moves every seeded escalation's next step (step 3, after measure) to one instant
//            --burst-lead (20) seconds ahead, then measures step 3 as above.
//
// Usage: java -cp h2.jar:postgresql.jar bench/deadlines/Deadlines.java seed --base URL --password PW
//             --jdbc URL [--user U] [--count 10000] [--window 60] [--lead 150] --label NAME
//        (then measure / burst with the same arguments; seed writes its plan to --plan FILE)

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Deadlines {

    static final long OFFSET = 1_000_000;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        try (Connection db = DriverManager.getConnection(req(o, "jdbc"), o.getOrDefault("user", "sa"),
                o.getOrDefault("db-password", ""))) {
            switch (args[0]) {
                case "seed" -> seed(db, o);
                case "measure" -> measure(db, o, 2, readPlan(o));
                case "burst" -> burst(db, o);
                default -> throw new IllegalArgumentException("seed, measure or burst");
            }
        }
    }

    static void seed(Connection db, Map<String, String> o) throws Exception {
        String base = req(o, "base");
        String token = token(base, req(o, "password"));
        int count = Integer.parseInt(o.getOrDefault("count", "10000"));
        int window = Integer.parseInt(o.getOrDefault("window", "60"));
        int lead = Integer.parseInt(o.getOrDefault("lead", "150"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "2000"));
        String tag = Long.toString(System.currentTimeMillis(), 36);
        long user = id(post(base + "/api/v1/users", token, """
                {"username":"pager-%s","displayName":"Bench pager","email":"pager-%s@example.invalid",
                 "role":"RESPONDER","password":"bench-pager-password"}""".formatted(tag, tag)));
        long service = id(post(base + "/api/v1/services", token, """
                {"name":"deadlines-%s","tier":2}""".formatted(tag)));
        long policy = id(post(base + "/api/v1/escalation-policies", token, """
                {"name":"deadlines-%s","repeatCount":0,"repeatDelayMinutes":0,"isDefault":false,"serviceIds":[%d],
                 "steps":[{"delayMinutes":0,"targets":[{"kind":"USER","id":%d}]},
                          {"delayMinutes":600,"targets":[{"kind":"USER","id":%d}]},
                          {"delayMinutes":600,"targets":[{"kind":"USER","id":%d}]}]}"""
                .formatted(tag, service, user, user, user)));
        long template = id(post(base + "/api/v1/incidents", token, """
                {"title":"Deadline bench","level":"P3","serviceIds":[%d]}""".formatted(service)));

        Instant began = Instant.now();
        db.setAutoCommit(false);
        try (PreparedStatement incident = copy(db, "incident", "id", "id = ?", "seq", "title");
                PreparedStatement services = copy(db, "incident_service", "incident_id", "incident_id = ?");
                PreparedStatement stages = copy(db, "incident_stage", "incident_id", "incident_id = ?");
                PreparedStatement clocks = copy(db, "incident_clock", "incident_id", "incident_id = ?");
                PreparedStatement escalation = db.prepareStatement("""
                        INSERT INTO escalation_incident (incident_id, incident_number, policy_id, policy_name, state,
                            next_step, round, due_at, last_step, last_round, last_paged_at, version, started_at,
                            updated_at)
                        SELECT ?, ?, policy_id, policy_name, 'ACTIVE', 2, 0, ?, 1, 0, last_paged_at, 0, started_at,
                            updated_at
                        FROM escalation_incident WHERE incident_id = ?""")) {
            for (int k = -warmup; k < count; k++) {
                long id = OFFSET + k;
                incident.setLong(1, id);
                incident.setLong(2, id);
                incident.setString(3, "Deadline bench " + k);
                incident.setLong(4, template);
                incident.addBatch();
                for (PreparedStatement child : List.of(services, stages, clocks)) {
                    child.setLong(1, id);
                    child.setLong(2, template);
                    child.addBatch();
                }
                if ((k + warmup) % 500 == 499 || k == count - 1) {
                    incident.executeBatch();
                    services.executeBatch();
                    stages.executeBatch();
                    clocks.executeBatch();
                }
            }
            // Due instants are set after the copies exist, counted from now, so the lead holds.
            Instant start = Instant.now().plusSeconds(lead);
            List<String> plan = new ArrayList<>();
            for (int k = -warmup; k < count; k++) {
                // Warm-up copies (k < 0) fall due at the same rate just before the window.
                // Microseconds: what both databases store, so the plan and the row agree exactly.
                Instant due = start.plusNanos(window * 1_000_000_000L / count * k).truncatedTo(ChronoUnit.MICROS);
                escalation.setLong(1, OFFSET + k);
                escalation.setString(2, "INC-" + (OFFSET + k));
                escalation.setObject(3, due.atOffset(ZoneOffset.UTC));
                escalation.setLong(4, template);
                escalation.addBatch();
                if (k >= 0) {
                    plan.add((OFFSET + k) + " " + due);
                }
                if ((k + warmup) % 500 == 499 || k == count - 1) {
                    escalation.executeBatch();
                }
            }
            db.commit();
            Files.write(Path.of(req(o, "plan")), plan);
        }
        System.err.printf("seeded %d escalations (policy %d) in %.1f s; step 2 due from %s over %d s%n", count,
                policy, Duration.between(began, Instant.now()).toMillis() / 1000.0, readPlan(o).get(OFFSET), window);
    }

    /** INSERT INTO table (every column) SELECT ?, [? for each of {@code replaced}], the rest FROM table WHERE ... */
    static PreparedStatement copy(Connection db, String table, String key, String where, String... replaced)
            throws Exception {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i).toLowerCase());
            }
        }
        List<String> fixed = new ArrayList<>(List.of(key));
        fixed.addAll(List.of(replaced));
        List<String> rest = columns.stream().filter(c -> !fixed.contains(c)).toList();
        String sql = "INSERT INTO " + table + " (" + String.join(", ", fixed) + ", " + String.join(", ", rest)
                + ") SELECT " + String.join(", ", Collections.nCopies(fixed.size(), "?")) + ", "
                + String.join(", ", rest) + " FROM " + table + " WHERE " + where;
        return db.prepareStatement(sql);
    }

    static Map<Long, Instant> readPlan(Map<String, String> o) throws Exception {
        Map<Long, Instant> plan = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(req(o, "plan")))) {
            String[] f = line.split(" ");
            plan.put(Long.parseLong(f[0]), Instant.parse(f[1]));
        }
        return plan;
    }

    static void burst(Connection db, Map<String, String> o) throws Exception {
        Instant at = Instant.now().plusSeconds(Integer.parseInt(o.getOrDefault("burst-lead", "20")))
                .truncatedTo(ChronoUnit.SECONDS);
        try (PreparedStatement move = db.prepareStatement("""
                UPDATE escalation_incident SET due_at = ?, version = version + 1
                WHERE incident_id >= ? AND state = 'ACTIVE' AND next_step = 3""")) {
            move.setObject(1, at.atOffset(ZoneOffset.UTC));
            move.setLong(2, OFFSET);
            System.err.printf("moved %d step-3 deadlines to %s%n", move.executeUpdate(), at);
        }
        Map<Long, Instant> plan = new HashMap<>();
        readPlan(o).keySet().forEach(id -> plan.put(id, at));
        measure(db, o, 3, plan);
    }

    static void measure(Connection db, Map<String, String> o, int step, Map<Long, Instant> plan) throws Exception {
        Instant last = plan.values().stream().max(Instant::compareTo).orElseThrow();
        long wait = Duration.between(Instant.now(), last.plusSeconds(Integer.parseInt(o.getOrDefault("grace", "10"))))
                .toMillis();
        if (wait > 0) {
            System.err.printf("waiting %.0f s for the last deadline (%s) to pass%n", wait / 1000.0, last);
            Thread.sleep(wait);
        }
        if (!db.getAutoCommit()) {
            db.commit();
            db.setAutoCommit(true);
        }
        // A worker that fell behind is still firing: wait for it (up to --timeout s) rather than
        // count its rows as missing.
        Instant giveUp = Instant.now().plusSeconds(Integer.parseInt(o.getOrDefault("timeout", "300")));
        try (PreparedStatement fired = db.prepareStatement(
                "SELECT COUNT(*) FROM escalation_page WHERE incident_id >= ? AND step = ? AND round = 0")) {
            fired.setLong(1, OFFSET);
            fired.setInt(2, step);
            while (Instant.now().isBefore(giveUp)) {
                try (ResultSet rs = fired.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= plan.size()) {
                        break;
                    }
                }
                Thread.sleep(2000);
            }
        }
        List<Long> lateness = new ArrayList<>();
        int early = 0;
        try (PreparedStatement q = db.prepareStatement(
                "SELECT incident_id, paged_at FROM escalation_page WHERE incident_id >= ? AND step = ? AND round = 0")) {
            q.setLong(1, OFFSET);
            q.setInt(2, step);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Instant due = plan.get(rs.getLong(1));
                    Instant paged = rs.getObject(2, OffsetDateTime.class).toInstant();
                    long micros = Duration.between(due, paged).toNanos() / 1000;
                    early += micros < 0 ? 1 : 0;
                    lateness.add(micros);
                }
            }
        }
        Collections.sort(lateness);
        System.out.printf("{\"label\":\"%s\",\"count\":%d,\"fired\":%d,\"missing\":%d,\"early\":%d,"
                + "\"median_ms\":%.1f,\"p90_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f}%n",
                o.getOrDefault("label", "") + (step == 3 ? " burst" : " spread"), plan.size(), lateness.size(),
                plan.size() - lateness.size(), early, pct(lateness, 50), pct(lateness, 90), pct(lateness, 99),
                lateness.isEmpty() ? 0 : lateness.getLast() / 1000.0);
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    static String token(String base, String password) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"deadlines-bench\"}")).build();
        return field(send(r), "token");
    }

    static String post(String url, String token, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String send(HttpRequest r) throws Exception {
        HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.uri() + " answered " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }

    static long id(String json) {
        return Long.parseLong(field(json, "id"));
    }

    /** The first value of the field in a JSON text (the answers used here start with their own id). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String req(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }
}
