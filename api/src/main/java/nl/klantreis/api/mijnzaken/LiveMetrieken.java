package nl.klantreis.api.mijnzaken;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The live push's metrics:
 * <ul>
 * <li>{@code klantreis.live.verbindingen}: open update streams on this node;</li>
 * <li>{@code klantreis.live.pushlatentie}: from the moment this node received the change
 * notification to the moment the {@code zaak} event, read again and its processing record
 * stored, is handed to the connection. The notification is the first point after the commit that
 * a node can observe (PostgreSQL sends it at commit; the commit time itself is on another node's
 * clock), so this is commit-to-send minus PostgreSQL's delivery, which is well under a
 * millisecond on one network. When a burst is coalesced, it counts from the latest notification.</li>
 * </ul>
 */
@Component
class LiveMetrieken {
    private final AtomicInteger open = new AtomicInteger();
    private final Timer pushlatentie;

    LiveMetrieken(MeterRegistry meters) {
        Gauge.builder("klantreis.live.verbindingen", open, AtomicInteger::get)
                .description("Open live update streams (GET /api/v1/mijnzaken/{zaakId}/updates) on this node")
                .register(meters);
        pushlatentie = Timer.builder("klantreis.live.pushlatentie")
                .description("From receiving a change notification (just after its commit) to sending the zaak event")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(meters);
    }

    void geopend() {
        open.incrementAndGet();
    }

    void gesloten() {
        open.decrementAndGet();
    }

    void gepusht(long nanos) {
        pushlatentie.record(nanos, TimeUnit.NANOSECONDS);
    }

    int open() {
        return open.get();
    }
}
