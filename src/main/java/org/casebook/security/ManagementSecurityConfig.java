package org.casebook.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The management port (health probes and Prometheus metrics, README "Operations") answers without a
 * sign-in: it is bound to an address that is not public, serves nothing but health (no details) and
 * metrics, and answers 404 for everything else. This chain matches requests on the management port only,
 * so the main port's chain, and its sign-in, still covers every other request, {@code /actuator} included.
 */
@Configuration
@ConditionalOnWebApplication
class ManagementSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain managementFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(onManagementPort())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** A request served by the management server's own application context (Spring Boot's "management" namespace). */
    private static RequestMatcher onManagementPort() {
        return request -> WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), "management");
    }
}
