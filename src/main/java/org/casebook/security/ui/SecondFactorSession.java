package org.casebook.security.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import org.casebook.security.SecondFactor;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Marks the current session as past the second factor: in the security context and in the HTTP session,
 * which then gets a new id (as it did at the password step), so an id seen or planted before the code
 * step is worth nothing after it. The session itself stays, with its Vaadin UI: the page goes on, and
 * the browser takes the new cookie from the response.
 */
final class SecondFactorSession {

    private SecondFactorSession() {}

    static void complete(SecurityContextHolderStrategy strategy) {
        var authentication = strategy.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("nobody is signed in");
        }
        var context = strategy.createEmptyContext();
        context.setAuthentication(SecondFactor.completed(authentication));
        strategy.setContext(context);
        var request = VaadinServletRequest.getCurrent();
        if (request != null) {
            var http = request.getHttpServletRequest();
            http.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            http.changeSessionId();
        }
    }
}
