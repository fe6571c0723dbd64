package io.firebreak.alert.web;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;

/** Registers {@link IngestionFilter} first of all filters, unless {@code firebreak.alert.direct-ingestion=false}. */
@Configuration(proxyBeanMethods = false)
class IngestionFilterConfiguration {

    @Bean
    FilterRegistrationBean<IngestionFilter> ingestionFilter(Ingestion ingestion, MeterRegistry meters,
            @Value("${firebreak.alert.direct-ingestion:true}") boolean enabled) {
        var registration = new FilterRegistrationBean<>(new IngestionFilter(ingestion, meters));
        registration.addUrlPatterns("/api/v2/alerts", "/api/v1/integrations/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(enabled);
        return registration;
    }
}
