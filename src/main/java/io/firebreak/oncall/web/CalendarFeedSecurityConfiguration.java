package io.firebreak.oncall.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /oncall/ical/**} is fetched by calendar apps that cannot sign in: the secret token in the
 * path is the only credential, so this chain permits the requests, keeps no session, and sends
 * no referrer (the URL is the secret).
 */
@Configuration
class CalendarFeedSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/oncall/ical/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
