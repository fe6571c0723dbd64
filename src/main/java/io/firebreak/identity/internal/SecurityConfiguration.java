package io.firebreak.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Five filter chains. Alert ingestion endpoints are open to the network and checked by integration key; {@code POST /api/v1/tokens} accepts HTTP Basic (and a bearer token) so a
 * script can obtain its first token; the rest of {@code /api/**} and the Prometheus endpoint accept
 * only bearer tokens and never a session; the OpenAPI description takes either; everything else is the UI, with form login and CSRF.
 * <p>
 * Roles nest (admin &gt; commander &gt; responder &gt; viewer). Reading the API needs viewer, any
 * other method needs responder at least; controllers narrow further with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("COMMANDER")
                .role("COMMANDER").implies("RESPONDER")
                .role("RESPONDER").implies("VIEWER")
                .build();
    }

    /**
     * The token filter is a bean; without this Spring Boot would also register it as a servlet
     * filter for every request, so a sender's integration key in {@code Authorization: Bearer}
     * would be refused as an unknown API token before reaching the ingestion chain. It runs only
     * inside the chains that add it.
     */
    @Bean
    FilterRegistrationBean<TokenAuthenticationFilter> tokenFilterOnlyInSecurityChains(TokenAuthenticationFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * No Micrometer observation per security filter, authentication and authorization: on the
     * ingestion path these wrappers cost more CPU than the request's own work (JFR under load), and
     * each request is still measured as a whole by {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Alert ingestion: senders authenticate with their integration key (path, bearer or PagerDuty
     * routing_key), checked by the alert module, never with a user token or session. The chain
     * therefore carries no user authentication, authorization, anonymous user or logout filters:
     * only the stateless basics and the security headers. By default the alert module's
     * {@code IngestionFilter} answers the Alertmanager, Grafana, API v2 and generic endpoints before
     * any security filter runs (ADR 7); this chain then serves PagerDuty's endpoints, and all of them
     * when {@code firebreak.alert.direct-ingestion=false}.
     */
    @Bean
    @Order(0)
    SecurityFilterChain alertIngestion(HttpSecurity http) throws Exception {
        var post = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(
                        post.matcher(HttpMethod.POST, "/api/v1/integrations/*/alertmanager"),
                        post.matcher(HttpMethod.POST, "/api/v1/integrations/*/grafana"),
                        post.matcher(HttpMethod.POST, "/api/v1/integrations/*/events"),
                        post.matcher(HttpMethod.POST, "/api/v1/integrations/alertmanager"),
                        post.matcher(HttpMethod.POST, "/api/v1/integrations/grafana"),
                        post.matcher(HttpMethod.POST, "/api/v2/alerts"),
                        post.matcher(HttpMethod.POST, "/v2/enqueue"),
                        post.matcher(HttpMethod.POST, "/v2/change/enqueue")))
                .anonymous(a -> a.disable())
                .logout(l -> l.disable())
                .securityContext(c -> c.disable());
        return stateless(http).sessionManagement(s -> s.disable()).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(HttpSecurity http, TokenAuthenticationFilter tokens) throws Exception {
        http.securityMatcher("/api/v1/tokens", "/api/v1/tokens/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(ProblemResponses::unauthorized))
                .addFilterBefore(tokens, BasicAuthenticationFilter.class);
        return stateless(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, TokenAuthenticationFilter tokens) throws Exception {
        http.securityMatcher("/api/**", "/actuator/prometheus")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                        .requestMatchers("/actuator/prometheus").hasRole("VIEWER")
                        // Everyone, a viewer too, keeps their own profile, contact methods and notification
                        // rules up to date; the notification controllers refuse another person's unless ADMIN.
                        .requestMatchers(HttpMethod.PUT, "/api/v1/users/me", "/api/v1/users/me/**",
                                "/api/v1/users/*/notification-rules", "/api/v1/notifications/contacts/*")
                        .hasRole("VIEWER")
                        .anyRequest().hasRole("RESPONDER"))
                .addFilterBefore(tokens, BasicAuthenticationFilter.class);
        return stateless(http).build();
    }

    /** The OpenAPI description: readable with a bearer token (tools) or a signed-in session (Swagger UI). */
    @Bean
    @Order(3)
    SecurityFilterChain openApi(HttpSecurity http, TokenAuthenticationFilter tokens) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("VIEWER"))
                .addFilterBefore(tokens, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses::unauthorized));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain ui(HttpSecurity http, UserRepository users) throws Exception {
        http.addFilterBefore(new SessionRefreshFilter(users), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemResponses::unauthorized)
                        .accessDeniedHandler((req, res, ex) -> ProblemResponses.write(res,
                                HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Your role does not allow this action.")));
    }

    /** Writes 401/403 answers of the API as problem details. */
    static final class ProblemResponses {

        private ProblemResponses() {
        }

        static void unauthorized(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res,
                org.springframework.security.core.AuthenticationException ex) throws IOException {
            res.setHeader("WWW-Authenticate", "Bearer realm=\"firebreak\"");
            write(res, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Send a valid API token as 'Authorization: Bearer <token>'.");
        }

        static void write(HttpServletResponse res, int status, String title, String detail) throws IOException {
            res.setStatus(status);
            res.setContentType("application/problem+json");
            res.setCharacterEncoding("UTF-8");
            res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}");
        }
    }
}
