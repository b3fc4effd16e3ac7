package org.casebook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started Casebook where to open it. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        if (port > 0) { // a command such as --casebook.reencrypt runs with port -1: nothing to open
            log.info("Casebook is ready at http://localhost:{}/", port);
        }
    }
}
