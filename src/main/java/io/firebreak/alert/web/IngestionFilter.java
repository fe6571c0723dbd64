package io.firebreak.alert.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.firebreak.alert.AlertSource;
import io.firebreak.alert.internal.Json;
import io.firebreak.alert.internal.OverloadedException;
import io.firebreak.alert.internal.WriteResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Serves the alert ingestion endpoints of {@link IngestionController} directly, ahead of Spring
 * Security and Spring MVC, and passes every other request on. These endpoints authenticate by
 * integration key inside {@link Ingestion} and need none of the user security, observation,
 * dispatching and content negotiation that every request of the UI and the API goes through; on
 * a small machine that machinery cost more CPU than storing the alert (see docs/performance.md).
 * Each request is timed as {@code firebreak.ingestion.requests} (tags {@code format}, {@code status}),
 * in place of {@code http.server.requests}. PagerDuty's endpoints stay with Spring MVC.
 */
final class IngestionFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(IngestionFilter.class);
    private static final String V1 = "/api/v1/integrations/";

    private final Ingestion ingestion;
    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    IngestionFilter(Ingestion ingestion, MeterRegistry meters) {
        this.ingestion = ingestion;
        this.meters = meters;
    }

    /** A request this filter serves: the sender format and the key from the path (null: bearer). */
    record Route(AlertSource format, String pathKey) {

        /** The route of {@code POST path} (path without the context path), or null when it is not an ingestion endpoint. */
        static Route of(String path) {
            if (path.equals("/api/v2/alerts")) {
                return new Route(AlertSource.PROMETHEUS, null);
            }
            if (!path.startsWith(V1)) {
                return null;
            }
            String rest = path.substring(V1.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                return switch (rest) {
                    case "alertmanager" -> new Route(AlertSource.ALERTMANAGER, null);
                    case "grafana" -> new Route(AlertSource.GRAFANA, null);
                    default -> null;
                };
            }
            String key = rest.substring(0, slash);
            if (key.isEmpty()) {
                return null;
            }
            return switch (rest.substring(slash + 1)) {
                case "alertmanager" -> new Route(AlertSource.ALERTMANAGER, key);
                case "grafana" -> new Route(AlertSource.GRAFANA, key);
                case "events" -> new Route(AlertSource.GENERIC, key);
                default -> null;
            };
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        Route route = "POST".equals(request.getMethod())
                ? Route.of(request.getRequestURI().substring(request.getContextPath().length())) : null;
        if (route == null) {
            chain.doFilter(req, res);
            return;
        }
        long started = System.nanoTime();
        IngestionAnswer answer = serve(route, request);
        // Recorded before the answer is sent, so whoever has the answer also finds it counted.
        timer(route.format(), answer.status()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        write(answer, (HttpServletResponse) res);
    }

    private IngestionAnswer serve(Route route, HttpServletRequest request) {
        try {
            String key = route.pathKey() != null ? route.pathKey() : Ingestion.bearer(request);
            List<WriteResult> results = ingestion.ingest(key, route.format(), request);
            return IngestionAnswer.stored(route.format(), results);
        } catch (IngestionException e) {
            return IngestionAnswer.refused(e, request.getRequestURI());
        } catch (OverloadedException e) {
            return IngestionAnswer.refused(e, request.getRequestURI());
        } catch (RuntimeException e) {
            log.error("Ingestion request {} failed", request.getRequestURI(), e);
            return IngestionAnswer.failed(request.getRequestURI());
        }
    }

    private static void write(IngestionAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        answer.headers().forEach(response::setHeader);
        if (answer.body() == null) {
            response.setContentLength(0);
            return;
        }
        byte[] body = Json.MAPPER.writeValueAsBytes(answer.body());
        response.setContentType(answer.contentType());
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    private Timer timer(AlertSource format, int status) {
        return timers.computeIfAbsent(format.name() + status, k -> Timer.builder("firebreak.ingestion.requests")
                .description("Alert ingestion requests served by the direct ingestion path, until their answer was ready")
                .tag("format", format.name().toLowerCase()).tag("status", Integer.toString(status))
                .register(meters));
    }
}
