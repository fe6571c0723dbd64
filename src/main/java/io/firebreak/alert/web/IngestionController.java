package io.firebreak.alert.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.alert.AlertSource;
import io.firebreak.alert.internal.OverloadedException;
import io.firebreak.alert.internal.WriteResult;

/**
 * The ingestion endpoints as Spring MVC sees them: they describe the endpoints in the OpenAPI
 * document and serve them when {@code firebreak.alert.direct-ingestion=false}. By default
 * {@link IngestionFilter} answers these requests before they reach Spring Security or Spring MVC;
 * both paths run the same {@link Ingestion} and answer the same {@link IngestionAnswer}s, so 2xx
 * means stored either way. Authenticated by integration key (path or bearer), never by a user.
 */
@RestController
class IngestionController {

    private final Ingestion ingestion;

    IngestionController(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping("/api/v1/integrations/{key}/alertmanager")
    ResponseEntity<Object> alertmanager(@PathVariable String key, HttpServletRequest request) {
        return serve(key, AlertSource.ALERTMANAGER, request);
    }

    @PostMapping("/api/v1/integrations/alertmanager")
    ResponseEntity<Object> alertmanagerBearer(HttpServletRequest request) {
        return serve(Ingestion.bearer(request), AlertSource.ALERTMANAGER, request);
    }

    @PostMapping("/api/v1/integrations/{key}/grafana")
    ResponseEntity<Object> grafana(@PathVariable String key, HttpServletRequest request) {
        return serve(key, AlertSource.GRAFANA, request);
    }

    @PostMapping("/api/v1/integrations/grafana")
    ResponseEntity<Object> grafanaBearer(HttpServletRequest request) {
        return serve(Ingestion.bearer(request), AlertSource.GRAFANA, request);
    }

    /** Alertmanager API v2 as Prometheus calls it: 200 with an empty body, like Alertmanager. */
    @PostMapping("/api/v2/alerts")
    ResponseEntity<Object> prometheus(HttpServletRequest request) {
        return serve(Ingestion.bearer(request), AlertSource.PROMETHEUS, request);
    }

    @PostMapping("/api/v1/integrations/{key}/events")
    ResponseEntity<Object> generic(@PathVariable String key, HttpServletRequest request) {
        return serve(key, AlertSource.GENERIC, request);
    }

    private ResponseEntity<Object> serve(String key, AlertSource format, HttpServletRequest request) {
        List<WriteResult> results = ingestion.ingest(key, format, request);
        return entity(IngestionAnswer.stored(format, results));
    }

    @ExceptionHandler(IngestionException.class)
    ResponseEntity<Object> refused(IngestionException e, HttpServletRequest request) {
        return entity(IngestionAnswer.refused(e, request.getRequestURI()));
    }

    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<Object> overloaded(OverloadedException e, HttpServletRequest request) {
        return entity(IngestionAnswer.refused(e, request.getRequestURI()));
    }

    private static ResponseEntity<Object> entity(IngestionAnswer answer) {
        HttpHeaders headers = new HttpHeaders();
        answer.headers().forEach(headers::set);
        if (answer.contentType() != null) {
            headers.setContentType(MediaType.parseMediaType(answer.contentType()));
        }
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }
}
