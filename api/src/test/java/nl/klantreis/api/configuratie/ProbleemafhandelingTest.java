package nl.klantreis.api.configuratie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import reactor.core.Exceptions;
import reactor.netty.channel.AbortedException;

/**
 * What is an error of ours is logged as one (with its stack trace); what belongs to a stop or a
 * database restart is a 503 in one line: a stop is clean only when its log holds no ERROR.
 */
class ProbleemafhandelingTest {
    private final Logger log = (Logger) LoggerFactory.getLogger(Probleemafhandeling.class);
    private final ListAppender<ILoggingEvent> gelogd = new ListAppender<>();

    @BeforeEach
    void luister() {
        gelogd.start();
        log.addAppender(gelogd);
    }

    @AfterEach
    void stop() {
        log.detachAppender(gelogd);
    }

    @Test
    void eenVerzoekDatDeStoppendeWerkersNietMeerAannemen_is503ZonderFout() {
        RejectedExecutionException geweigerd = Exceptions.failWithRejected(new RejectedExecutionException("Terminated"));
        assertThat(new Probleemafhandeling().fout(geweigerd, uitwisseling()).getStatusCode().value()).isEqualTo(503);
        assertThat(gelogd.list).singleElement().satisfies(regel -> {
            assertThat(regel.getLevel()).isEqualTo(Level.INFO);
            assertThat(regel.getThrowableProxy()).isNull();
        });
    }

    @Test
    void eenOnverwachteFout_isEen503MetFoutregelEnStapel() {
        assertThat(new Probleemafhandeling().fout(new IllegalStateException("kapot"), uitwisseling()).getStatusCode().value()).isEqualTo(503);
        assertThat(gelogd.list).singleElement().satisfies(regel -> {
            assertThat(regel.getLevel()).isEqualTo(Level.ERROR);
            assertThat(regel.getThrowableProxy()).isNotNull();
        });
    }

    /**
     * A closed connection of a call the engine made itself, while its own client still waits: a 503
     * for that client (VerbrokenVerbindingTest covers the client that hung up itself).
     */
    @Test
    void eenAfgebrokenVerbindingDieNietDieVanDeClientIs_isEen503() {
        AbortedException elders = new AbortedException("Connection has been closed BEFORE send operation");
        assertThat(new Probleemafhandeling().fout(elders, uitwisseling()).getStatusCode().value()).isEqualTo(503);
    }

    /**
     * A database that restarts breaks its connections ("connection reset by peer", an EOF): ours to
     * answer with a 503, not a client that went away (DatabaseherstartTest once got a 200 without a
     * body when Spring's DisconnectedClientHelper decided this).
     */
    @Test
    void eenDatabaseDieDeVerbindingVerbreekt_blijftEen503() {
        for (Exception oorzaak : List.of(new SocketException("Connection reset by peer"), new EOFException())) {
            RuntimeException fout = new DataAccessResourceFailureException("I/O-fout naar de database",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006", oorzaak));
            assertThat(new Probleemafhandeling().fout(fout, uitwisseling()).getStatusCode().value()).as("%s", oorzaak)
                    .isEqualTo(503);
        }
    }

    @Test
    void eenFoutNadatHetAntwoordAlOnderwegWas_gaatTerugNaarDeWebserver() {
        MockServerWebExchange uitwisseling = uitwisseling();
        uitwisseling.getResponse().setComplete().block();
        IllegalStateException fout = new IllegalStateException("kapot");
        assertThatThrownBy(() -> new Probleemafhandeling().fout(fout, uitwisseling)).isSameAs(fout);
    }

    private static MockServerWebExchange uitwisseling() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/mijnzaken"));
    }
}
