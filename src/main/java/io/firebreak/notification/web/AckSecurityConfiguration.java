package io.firebreak.notification.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /ack/**} is reached from a message without signing in: the signed, expiring, single-use
 * token in the path is the only credential, so this chain permits the requests and exempts only
 * them from CSRF (a forged cross-site POST would still need a valid token).
 */
@Configuration
class AckSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain acknowledgeLinks(HttpSecurity http) throws Exception {
        http.securityMatcher("/ack/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
                                + "form-action 'self'")));
        return http.build();
    }
}
