package io.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.firebreak.identity.Role;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/**
 * Walks every request mapping of the application, so an endpoint added later is covered without
 * anyone remembering to: nothing but the sign-in page and health answers an anonymous caller, and a
 * viewer's token changes nothing through the API.
 */
@FirebreakTest
class EndpointSecurityTests {

    private static final Set<String> PUBLIC = Set.of("/login", "/error");

    /**
     * Alert ingestion: open to the network and authenticated by integration key inside the
     * controller, so an anonymous caller with an unknown key gets 400 (PagerDuty's shape), 401 or
     * 404, never a 2xx.
     */
    private static final Set<String> INGESTION = Set.of("POST /api/v1/integrations/{key}/alertmanager",
            "POST /api/v1/integrations/{key}/grafana", "POST /api/v1/integrations/{key}/events",
            "POST /api/v1/integrations/alertmanager", "POST /api/v1/integrations/grafana", "POST /api/v2/alerts",
            "POST /v2/enqueue", "POST /v2/change/enqueue");

    /**
     * Secret-URL feeds: open to the network, the token in the path is the only credential, so an
     * anonymous caller with an unknown token gets a bare 404.
     */
    private static final Set<String> SECRET_URL = Set.of("GET /oncall/ical/{token}.ics");

    private static boolean ingestionRefused(int status) {
        return status == 400 || status == 401 || status == 404;
    }

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointRefusesAnonymousCallers() {
        List<String> failures = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (PUBLIC.contains(e.path())) {
                continue;
            }
            var res = api.send(HttpRequest.newBuilder(api.uri(e.concretePath()))
                    .header("Content-Type", "application/json")
                    .method(e.method(), HttpRequest.BodyPublishers.ofString("{}")));
            boolean refused = INGESTION.contains(e.toString()) ? ingestionRefused(res.status())
                    : SECRET_URL.contains(e.toString()) ? res.status() == 404
                    : res.status() == 401 || res.status() == 403
                            || (res.status() == 302 && !e.path().startsWith("/api/"));
            if (!refused) {
                failures.add(e + " answered " + res.status());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aViewerTokenChangesNothingThroughTheApi() {
        String viewer = users.tokenFor(Role.VIEWER);
        List<String> failures = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (!e.path().startsWith("/api/") || e.method().equals("GET") || e.path().startsWith("/api/v1/tokens")
                    || e.path().startsWith("/api/v1/users/me")) {
                continue;
            }
            var res = api.send(HttpRequest.newBuilder(api.uri(e.concretePath()))
                    .header("Authorization", "Bearer " + viewer)
                    .header("Content-Type", "application/json")
                    .method(e.method(), HttpRequest.BodyPublishers.ofString("{}")));
            boolean refused = INGESTION.contains(e.toString()) ? ingestionRefused(res.status()) : res.status() == 403;
            if (!refused) {
                failures.add(e + " answered " + res.status());
            }
        }
        assertThat(failures).isEmpty();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> result = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPathPatternsCondition() == null) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                if (methods.isEmpty()) {
                    result.add(new Endpoint("GET", path));
                    result.add(new Endpoint("POST", path));
                } else {
                    methods.forEach(m -> result.add(new Endpoint(m.name(), path)));
                }
            }
        });
        assertThat(result).extracting(Endpoint::path).contains("/", "/api/v1/tokens");
        assertThat(result).extracting(Endpoint::toString).containsAll(INGESTION);
        return result;
    }

    private record Endpoint(String method, String path) {

        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "1").replace("/**", "/x");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
