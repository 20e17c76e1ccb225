package nl.klantreis.api.configuratie;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;

/**
 * A client that hangs up before its answer is written (a portal's timeout, wrk stopping, a phone
 * going into a tunnel) is not an error of the engine: no ERROR line, and no attempt to send a 503
 * over an answer that was already under way.
 */
class VerbrokenVerbindingTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    private final Logger wortel = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> gelogd = new ListAppender<>();

    @BeforeEach
    void luister() {
        gelogd.start();
        wortel.addAppender(gelogd);
    }

    @AfterEach
    void stop() {
        wortel.detachAppender(gelogd);
    }

    @Test
    void eenClientDieOphangtVoordatHetAntwoordGeschrevenIs_geeftGeenFoutregel() throws Exception {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "ophangen");
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(kopie.berichten())).exchange().expectStatus().isOk();
        engine.wachtOpLeesmodellen();
        String token = engine.token(Rol.BURGER, kopie.bsn());
        URI basis = URI.create(engine.basisUrl());

        for (int i = 0; i < 200; i++) {
            try (Socket verbinding = new Socket(basis.getHost(), basis.getPort())) {
                // Closed at once with a reset: the engine finds out while it reads or writes the answer.
                verbinding.setSoLinger(true, 0);
                OutputStream uit = verbinding.getOutputStream();
                uit.write(("GET /api/v1/mijnzaken/" + kopie.zaakId() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                uit.flush();
                if (i % 2 == 1) {
                    Thread.sleep(1);
                }
            }
        }
        // The engine still answers, and what it did with the hung-up requests is in the log by now.
        engine.client(Rol.BURGER, kopie.bsn()).get().uri("/api/v1/mijnzaken/" + kopie.zaakId()).exchange()
                .expectStatus().isOk();
        Thread.sleep(500);

        List<String> fouten = gelogd.list.stream().filter(regel -> regel.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(regel -> regel.getLoggerName() + ": " + regel.getFormattedMessage()).toList();
        assertThat(fouten).isEmpty();
    }
}
