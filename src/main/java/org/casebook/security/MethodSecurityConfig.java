package org.casebook.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.method.Jsr250AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Method security on every service, and password hashing: on in every mode, web or command line. */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
class MethodSecurityConfig {

    /** Argon2id for new hashes; bcrypt kept readable so an imported bcrypt hash still works. */
    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
    }

    /** Publishes denied method and request authorizations as events (the audit module records them). */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    /**
     * Every {@code @RolesAllowed} service method (all clinical and administrative work) also requires the
     * second factor, so a session that has passed the password but not yet the code is refused by the
     * services themselves, not only by the view gate. Spring Security's own
     * {@link AllRequiredFactorsAuthorizationManager} checks for the {@link SecondFactor#AUTHORITY} factor.
     * <p>
     * {@code @PreAuthorize("isAuthenticated()")} methods are left alone on purpose: they are the steps a
     * person takes between the password and the code (entering or enrolling the code, and the
     * re-authentication and password-change helpers, which check the password again themselves).
     * Spring's global {@code @EnableMultiFactorAuthentication} is not used, because it would also put the
     * factor on those methods and on the web requests that lead to the code page.
     * <p>
     * Primary, because Spring Security also declares a post-processor of this type for Micrometer
     * observations, and takes none when two are candidates. That one only acts with an
     * {@code ObservationRegistry}, which this application does not have; {@code SecondFactorMethodSecurityTest}
     * fails if the wrapping is ever lost.
     */
    @Bean
    @Primary
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ObjectPostProcessor<AuthorizationManager<MethodInvocation>> secondFactorForRolesAllowed() {
        return new ObjectPostProcessor<>() {
            @Override
            @SuppressWarnings("unchecked")
            public <O extends AuthorizationManager<MethodInvocation>> O postProcess(O manager) {
                if (manager instanceof Jsr250AuthorizationManager) {
                    return (O) new SecondFactorRequired(manager);
                }
                return manager;
            }
        };
    }

    /** Grants what the role check grants for a {@code @RolesAllowed} method only when the second factor is there too. */
    static final class SecondFactorRequired implements AuthorizationManager<MethodInvocation> {

        private final AuthorizationManager<MethodInvocation> roles;
        private final AuthorizationManager<MethodInvocation> factor =
                AllRequiredFactorsAuthorizationManager.<MethodInvocation>builder()
                        .requireFactor(required -> required.authority(SecondFactor.AUTHORITY))
                        .build();

        SecondFactorRequired(AuthorizationManager<MethodInvocation> roles) {
            this.roles = roles;
        }

        @Override
        public @Nullable AuthorizationResult authorize(
                Supplier<? extends @Nullable Authentication> authentication, MethodInvocation invocation) {
            var result = roles.authorize(authentication, invocation);
            if (result == null || !result.isGranted() || !rolesAllowed(invocation)) {
                return result;
            }
            return factor.authorize(authentication, invocation);
        }

        /** Whether the method's effective JSR-250 rule is {@code @RolesAllowed} (not {@code @PermitAll}). */
        private static boolean rolesAllowed(MethodInvocation invocation) {
            var target = invocation.getThis();
            Method method = target == null
                    ? invocation.getMethod()
                    : AopUtils.getMostSpecificMethod(invocation.getMethod(), AopUtils.getTargetClass(target));
            if (AnnotatedElementUtils.hasAnnotation(method, RolesAllowed.class)) {
                return true;
            }
            if (AnnotatedElementUtils.hasAnnotation(method, PermitAll.class)
                    || AnnotatedElementUtils.hasAnnotation(method, DenyAll.class)) {
                return false;
            }
            return AnnotatedElementUtils.hasAnnotation(method.getDeclaringClass(), RolesAllowed.class);
        }
    }
}
