package nl.klantreis.projecties.klantreis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.klant.KlantVergeten;

/**
 * A klant's dossier as the engine knew it at a moment (the {@code bekend} axis): his events,
 * read from the event store and folded up to the ones stored by then. That is exactly what the
 * live read model held at that moment, corrections still to come left out. A small replay: one
 * klant's events.
 */
@Component
public class Klantgeschiedenis {
    private final EventStore events;

    public Klantgeschiedenis(EventStore events) {
        this.events = events;
    }

    /**
     * When the engine stored its first event about him after his last forgetting; empty when it
     * knows nothing of him (or nothing since he was forgotten: the moment he was first known before
     * it is part of the life he had forgotten). Tells why a question on the {@code bekend} axis has
     * an empty answer ("nothing known yet then").
     */
    public Optional<Instant> eersteBekendOp(KlantId klant) {
        Instant eerste = null;
        DomainEventStream stroom = events.readEvents(klant.waarde());
        while (stroom.hasNext()) {
            DomainEventMessage<?> event = stroom.next();
            if (event.getPayload() instanceof KlantVergeten) {
                eerste = null;
            } else if (eerste == null) {
                eerste = event.getTimestamp();
            }
        }
        return Optional.ofNullable(eerste);
    }

    /**
     * Empty when the engine knew nothing of him by then. Whatever the moment, only his events
     * after his last forgetting count (as it is known now, not at the moment): looking back to
     * before it must not bring the life he had forgotten back to his pseudonym.
     */
    public Optional<Klantdossier> zoalsBekendOp(KlantId klant, Instant alsOp) {
        List<Object> bekend = new ArrayList<>();
        DomainEventStream stroom = events.readEvents(klant.waarde());
        while (stroom.hasNext()) {
            DomainEventMessage<?> event = stroom.next();
            // A forgetting counts whenever it was: it empties the dossier folded so far.
            if (event.getPayload() instanceof KlantVergeten || !event.getTimestamp().isAfter(alsOp)) {
                bekend.add(event.getPayload());
            }
        }
        return bekend.isEmpty() ? Optional.empty() : Optional.of(Klantdossier.vouw(klant.waarde(), bekend));
    }
}
