package nl.klantreis.api.configuratie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import reactor.core.Exceptions;

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
        assertThat(new Probleemafhandeling().fout(geweigerd).getStatusCode().value()).isEqualTo(503);
        assertThat(gelogd.list).singleElement().satisfies(regel -> {
            assertThat(regel.getLevel()).isEqualTo(Level.INFO);
            assertThat(regel.getThrowableProxy()).isNull();
        });
    }

    @Test
    void eenOnverwachteFout_isEen503MetFoutregelEnStapel() {
        assertThat(new Probleemafhandeling().fout(new IllegalStateException("kapot")).getStatusCode().value()).isEqualTo(503);
        assertThat(gelogd.list).singleElement().satisfies(regel -> {
            assertThat(regel.getLevel()).isEqualTo(Level.ERROR);
            assertThat(regel.getThrowableProxy()).isNotNull();
        });
    }
}
