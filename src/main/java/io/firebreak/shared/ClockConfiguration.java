package io.firebreak.shared;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the one {@link Clock} all code reads time from, so tests can move time. It ticks in
 * whole microseconds, the precision of both databases' timestamps: an instant computed in memory
 * (a deadline, say) is then stored exactly, never rounded up by PostgreSQL to a later microsecond
 * than the one the code compared against.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
