package org.casebook;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import java.security.Principal;
import kotlin.jvm.functions.Function0;
import org.casebook.security.SecondFactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;

/**
 * Browserless UI tests on the real Spring context. The signed-in person comes from Spring
 * Security's test annotations ({@code @WithUserDetails("counsellor1")}); the fake request below
 * hands it to Vaadin, so {@code @RolesAllowed} and the login redirect behave as in production.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.casebook");

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        var securityContext = context.getBean(SecurityContextHolderStrategy.class);
        // Sessions past the code page carry the second factor; most view tests start there.
        var authentication = securityContext.getContext().getAuthentication();
        if (SecondFactor.isPending(authentication)) {
            securityContext.getContext().setAuthentication(SecondFactor.completed(authentication));
        }
        MockVaadin.setMockRequestFactory(session -> new SecurityContextRequest(session, securityContext));
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    /** Takes the second factor away again: signed in with the password only, as just after the login form. */
    protected void signedInWithPasswordOnly() {
        var securityContext =
                context.getBean(SecurityContextHolderStrategy.class).getContext();
        var authentication = securityContext.getAuthentication();
        securityContext.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                authentication.getPrincipal(),
                null,
                authentication.getAuthorities().stream()
                        .filter(a -> !SecondFactor.AUTHORITY.equals(a.getAuthority()))
                        .toList()));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    private static final class SecurityContextRequest extends FakeRequest {

        private final SecurityContextHolderStrategy securityContext;

        SecurityContextRequest(
                jakarta.servlet.http.HttpSession session, SecurityContextHolderStrategy securityContext) {
            super(session);
            this.securityContext = securityContext;
        }

        @Override
        public Principal getUserPrincipal() {
            return signedIn();
        }

        @Override
        public boolean isUserInRole(String role) {
            var authentication = signedIn();
            return authentication != null
                    && authentication.getAuthorities().stream()
                            .anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
        }

        private Authentication signedIn() {
            var authentication = securityContext.getContext().getAuthentication();
            if (authentication == null
                    || authentication instanceof AnonymousAuthenticationToken
                    || !authentication.isAuthenticated()) {
                return null;
            }
            return authentication;
        }
    }
}
