package org.casebook.security;

import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.DefaultAccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationContext;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Vaadin's own decision, plus an announcement when a signed-in person is refused a view they tried
 * to open (not when the menu merely checks what to show).
 */
class AuditingDecisionResolver implements AccessCheckDecisionResolver {

    private final AccessCheckDecisionResolver delegate = new DefaultAccessCheckDecisionResolver();
    private final ApplicationEventPublisher events;

    AuditingDecisionResolver(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public AccessCheckResult resolve(List<AccessCheckResult> results, NavigationContext context) {
        var result = delegate.resolve(results, context);
        if (context.isNavigating()
                && context.getPrincipal() != null
                && result.decision() != AccessCheckDecision.ALLOW) {
            events.publishEvent(new NavigationDenied(
                    "/" + context.getLocation().getPath(),
                    context.getPrincipal().getName()));
        }
        return result;
    }
}
