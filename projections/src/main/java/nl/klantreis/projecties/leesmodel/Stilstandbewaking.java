package nl.klantreis.projecties.leesmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Notices a read-model processor that stands still with work to do, so that the engine can start it
 * anew. Axon 4.12.2's pooled coordinator can loop for ever after a database restart when a segment
 * release (ADR 0022) and an error retry each schedule a coordination task: every round it claims a
 * segment, fails on an event stream that is null and releases it again (AxonFramework#4077, fixed
 * in axon-messaging 4.12.3, which cannot be used alone: Axon published no 4.12.3 of its Spring Boot
 * modules, ADR 0022). A processor started anew has a coordinator without that stale state.
 *
 * <p>Standing still means: its position (the lowest token of its segments) has not moved for
 * {@code na} while the event store's head is beyond it. A slow batch moves within that time; a
 * processor stuck on one failing event is restarted now and then, which does no harm.
 */
final class Stilstandbewaking {
    private final Duration na;
    private final Map<String, Stand> standen = new HashMap<>();

    Stilstandbewaking(Duration na) {
        this.na = na;
    }

    /**
     * Records what was seen of this processor now and says whether it has stood still for {@code na}
     * or longer (then its record starts again, so it is restarted at most once per {@code na}).
     */
    synchronized boolean vastgelopen(String processor, OptionalLong positie, long kop, Instant nu) {
        if (positie.isEmpty() || positie.getAsLong() >= kop) {
            standen.remove(processor);
            return false;
        }
        Stand stand = standen.get(processor);
        if (stand == null || stand.positie() != positie.getAsLong()) {
            standen.put(processor, new Stand(positie.getAsLong(), nu));
            return false;
        }
        if (Duration.between(stand.sinds(), nu).compareTo(na) < 0) {
            return false;
        }
        standen.put(processor, new Stand(positie.getAsLong(), nu));
        return true;
    }

    /** Forgets a processor that no longer runs here. */
    synchronized void vergeet(String processor) {
        standen.remove(processor);
    }

    private record Stand(long positie, Instant sinds) {
    }
}
