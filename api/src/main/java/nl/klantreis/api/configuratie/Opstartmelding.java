package nl.klantreis.api.configuratie;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operator, once, where the engine listens and which database it uses. */
@Component
class Opstartmelding {
    private static final Logger LOG = LoggerFactory.getLogger(Opstartmelding.class);
    private final DatabaseConfiguratie.Database database;

    Opstartmelding(DatabaseConfiguratie.Database database) {
        this.database = database;
    }

    @EventListener
    void gestart(WebServerInitializedEvent gebeurtenis) {
        LOG.info("Klantreis luistert op http://localhost:{} (berichten: POST /api/v1/events); database: {}",
                gebeurtenis.getWebServer().getPort(), database.beschrijving());
    }
}
