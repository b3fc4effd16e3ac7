package org.casebook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started Casebook where to open it, once, when it is really ready: after every
 * start-up runner (the demo accounts and data) has finished, not when the port opens. A child context
 * (a management server, for example) has no ready event of its own, so the line appears once.
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        // A command such as --casebook.command=verify-audit runs without a web server: nothing to open.
        if (event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null
                && web.getWebServer().getPort() > 0) {
            log.info(
                    "Casebook is ready at http://localhost:{}/",
                    web.getWebServer().getPort());
        }
    }
}
