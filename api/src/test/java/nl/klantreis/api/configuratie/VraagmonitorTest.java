package nl.klantreis.api.configuratie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The query bus's meters under the names Axon's monitors give them, registered once: counted and
 * timed per outcome, and the capacity as the share of the last ten minutes spent in queries.
 */
class VraagmonitorTest {
    private final MockClock klok = new MockClock();
    private final SimpleMeterRegistry register = new SimpleMeterRegistry(SimpleConfig.DEFAULT, klok);
    private final Vraagmonitor monitor = new Vraagmonitor("queryBus", register, klok);

    @Test
    void elkeUitkomst_wordtGeteldEnGetimed_onderAxonsNamen() {
        vraag(Duration.ofMillis(4)).reportSuccess();
        vraag(Duration.ofMillis(6)).reportFailure(new IllegalStateException("stuk"));
        vraag(Duration.ofMillis(1)).reportIgnored();

        assertThat(register.counter("queryBus.ingestedCounter").count()).isEqualTo(3);
        assertThat(register.counter("queryBus.successCounter").count()).isEqualTo(1);
        assertThat(register.counter("queryBus.failureCounter").count()).isEqualTo(1);
        assertThat(register.counter("queryBus.processedCounter").count()).isEqualTo(2);
        assertThat(register.counter("queryBus.ignoredCounter").count()).isEqualTo(1);
        assertThat(register.timer("queryBus.allTimer").count()).isEqualTo(3);
        assertThat(register.timer("queryBus.allTimer").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(11);
        assertThat(register.timer("queryBus.successTimer").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4);
        assertThat(register.timer("queryBus.failureTimer").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6);
        assertThat(register.timer("queryBus.ignoredTimer").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1);
        // Registered once: one meter per name, however many queries passed.
        assertThat(register.find("queryBus.allTimer").timers()).hasSize(1);
        assertThat(register.find("queryBus.capacity").gauges()).hasSize(1);
        // As Axon's capacity monitor: the time of every outcome, ignored included (4 + 6 + 1 ms).
        assertThat(capaciteit()).isCloseTo(0.011 / 600, within(1e-12));
    }

    @Test
    void capaciteit_isDeTijdInVragenVanDeLaatsteTienMinuten_gedeeldDoorTienMinuten() {
        for (int i = 0; i < 120; i++) {
            vraag(Duration.ofSeconds(1)).reportSuccess();
        }
        // 120 s of query time in 10 minutes.
        assertThat(capaciteit()).isCloseTo(0.2, within(1e-9));

        // Nine and a half minutes on, the queries that ended in seconds 91-120 are still in the
        // window (30 s), those of seconds 1-90 are not; plus this one's 30 s.
        klok.add(Duration.ofMinutes(9));
        vraag(Duration.ofSeconds(30)).reportFailure(new IllegalStateException("stuk"));
        assertThat(capaciteit()).isCloseTo(60.0 / 600, within(1e-9));

        // All of the first 120 queries ended more than ten minutes ago: only the last one still counts.
        klok.add(Duration.ofMinutes(2));
        assertThat(capaciteit()).isCloseTo(30.0 / 600, within(1e-9));

        klok.add(Duration.ofMinutes(10));
        assertThat(capaciteit()).isZero();
    }

    @Test
    void eenSlotVanEenOudeSeconde_wordtOpnieuwGebruikt_nietOpgeteld() {
        vraag(Duration.ofSeconds(2)).reportSuccess();
        // Exactly one window later the query lands in the same slot; the old second must not count.
        klok.add(Vraagmonitor.VENSTER.minusSeconds(2));
        vraag(Duration.ofSeconds(2)).reportSuccess();
        assertThat(capaciteit()).isCloseTo(2.0 / 600, within(1e-9));
    }

    private double capaciteit() {
        return register.get("queryBus.capacity").gauge().value();
    }

    /** A query that took {@code duur} on the mock clock; the caller reports its outcome. */
    private MessageMonitor.MonitorCallback vraag(Duration duur) {
        MessageMonitor.MonitorCallback terugmelding = monitor.onMessageIngested(
                new GenericQueryMessage<>("vraag", ResponseTypes.instanceOf(String.class)));
        klok.add(duur);
        return terugmelding;
    }
}
