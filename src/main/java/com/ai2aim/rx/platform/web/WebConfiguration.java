package com.ai2aim.rx.platform.web;

import com.ai2aim.rx.platform.idempotency.IdempotencyFilter;
import com.ai2aim.rx.platform.idempotency.IdempotencyStore;
import com.ai2aim.rx.platform.ratelimit.RateLimitFilter;
import com.ai2aim.rx.platform.ratelimit.RateLimitProperties;
import com.ai2aim.rx.platform.ratelimit.RateLimiter;
import javax.sql.DataSource;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Filters that need the authenticated actor run right after Spring Security: rate limits first (cheap refusals),
 * then idempotency (which wraps the handler in its transaction).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class WebConfiguration {

    /** Replaces Boot's HTML error report valve on the host: see {@link EnvelopeErrorReportValve}. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
            host.getPipeline().addValve(new EnvelopeErrorReportValve());
        });
    }

    @Bean
    RateLimiter rateLimiter(DataSource dataSource, RateLimitProperties properties) {
        return new RateLimiter(dataSource, properties.syncTokens());
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, RateLimitProperties properties, ErrorResponseWriter errors) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(limiter, properties, errors));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, TransactionTemplate transactions, ErrorResponseWriter errors) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, transactions, errors));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20);
        return registration;
    }
}
