package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.lifecycle.Phase;
import org.junit.jupiter.api.Test;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;

import nl.klantreis.api.ingestie.IngestieConfiguratie.Ingestiewerkers;
import reactor.core.scheduler.Schedulers;

/** How the ingestion workers take part in a stop (ADR 0012). */
class IngestiewerkersTest {

    @Test
    void stoppenNaDeWebserver_enVoorElkDeelVanAxon() {
        Ingestiewerkers werkers = new Ingestiewerkers(Schedulers.newBoundedElastic(1, 10, "test-ingestie"));
        try {
            // Spring stops higher phases first: the web server has stopped (graceful shutdown, then the
            // server itself at SMART_LIFECYCLE_PHASE - 1024), and Axon's configuration, which
            // unsubscribes the command handlers, has not stopped yet.
            assertThat(werkers.getPhase())
                    .isLessThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024)
                    .isGreaterThan(SpringAxonConfiguration.LIFECYCLE_PHASE)
                    .isGreaterThan(Phase.INSTRUCTION_COMPONENTS);
            assertThat(werkers.isRunning()).isTrue();
        } finally {
            werkers.stop();
        }
        assertThat(werkers.isRunning()).isFalse();
    }

    @Test
    void stop_laatEenBatchDieBezigIsAfmaken() throws InterruptedException {
        Ingestiewerkers werkers = new Ingestiewerkers(Schedulers.newBoundedElastic(1, 10, "test-ingestie"));
        CountDownLatch begonnen = new CountDownLatch(1);
        AtomicBoolean afgemaakt = new AtomicBoolean();
        werkers.scheduler().schedule(() -> {
            begonnen.countDown();
            try {
                Thread.sleep(300);
                afgemaakt.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(begonnen.await(5, TimeUnit.SECONDS)).isTrue();

        werkers.stop();

        assertThat(afgemaakt).as("de batch is afgemaakt, niet onderbroken").isTrue();
        werkers.stop();
    }
}
