package org.casebook.security;

import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Service tests sign in with {@code @WithUserDetails}, which gives the password factor only; a real
 * session reaches the services after the code as well. This adds the second factor after Spring
 * Security's own listener (order 10000) has set the person up, so tests run as a fully signed-in
 * person. A test of the password-only state takes it away again ({@link #passwordOnly}).
 */
public class SecondFactorTestExecutionListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return 10_500;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        complete(testContext);
    }

    @Override
    public void beforeTestExecution(TestContext testContext) {
        complete(testContext); // @WithUserDetails(setupBefore = TEST_EXECUTION)
    }

    private static void complete(TestContext testContext) {
        complete(TestSecurityContextHolder.getContext());
        if (testContext.hasApplicationContext()) {
            testContext
                    .getApplicationContext()
                    .getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(strategy -> complete(strategy.getContext()));
        }
    }

    private static void complete(org.springframework.security.core.context.SecurityContext context) {
        var authentication = context.getAuthentication();
        if (SecondFactor.isPending(authentication)) {
            context.setAuthentication(SecondFactor.completed(authentication));
        }
    }

    /** Takes the second factor away: signed in with the password only, as just after the login form. */
    public static void passwordOnly(SecurityContextHolderStrategy strategy) {
        var context = strategy.getContext();
        var authentication = context.getAuthentication();
        context.setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        authentication.getPrincipal(),
                        null,
                        authentication.getAuthorities().stream()
                                .filter(a -> !SecondFactor.AUTHORITY.equals(a.getAuthority()))
                                .toList()));
    }
}
