package org.casebook.security;

import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.casebook.security.ui.LoginView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/** The web side of security: sign-in, sessions, headers, view access. Absent in command-line mode. */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SecurityProperties properties,
            Clock clock,
            SessionRegistry sessionRegistry,
            IdlePolicy idle)
            throws Exception {
        // Spring Security's defaults already send Cache-Control: no-store, X-Content-Type-Options: nosniff
        // and X-Frame-Options: DENY; these add what the defaults leave out.
        http.headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                // Vaadin's pages are served through a servlet forward, which commits the response behind
                // the header filter's back; written up front, the headers reach every page.
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        http.addFilterBefore(
                new AbsoluteSessionTimeoutFilter(clock, properties.absoluteSessionTimeout()),
                SecurityContextHolderFilter.class);
        // Idle means no action by the person: heartbeats and polls of an open page do not keep a session.
        http.addFilterBefore(new IdleSessionFilter(clock, idle.timeout()), SecurityContextHolderFilter.class);
        // The app's own stylesheet must load on the login page too.
        http.authorizeHttpRequests(auth ->
                auth.requestMatchers("/casebook.css", "/icons/favicon.svg").permitAll());
        // Marks the session as signed out before it is invalidated, so its end is not taken for an expiry.
        http.logout(logout -> logout.addLogoutHandler((request, response, authentication) -> {
            var session = request.getSession(false);
            if (session != null) {
                session.setAttribute(SessionEnd.SIGNED_OUT, Boolean.TRUE);
            }
        }));
        // Every session is registered, without limit, so deactivating an account can end that person's sessions.
        http.sessionManagement(sessions ->
                sessions.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login"));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }

    /** Vaadin's view access control, announcing refusals so they can be audited. */
    @Bean
    static NavigationAccessControlConfigurer navigationAccessControlConfigurer(ApplicationEventPublisher events) {
        return new NavigationAccessControlConfigurer()
                .withAnnotatedViewAccessChecker()
                .withDecisionResolver(new AuditingDecisionResolver(events));
    }

    /** The signed-in sessions, by person; it forgets a session when the session ends. */
    @Bean
    static SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Publishes session ends as events, so expired sessions can be recorded. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
