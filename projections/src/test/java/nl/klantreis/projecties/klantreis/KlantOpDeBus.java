package nl.klantreis.projecties.klantreis;

import java.util.List;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.klant.Klant;
import nl.klantreis.domein.klant.KlantEvent;

/**
 * The real Klant aggregate on an in-memory Axon command bus and event store: the events a test
 * folds are the ones the engine would store, in the order it would store them, not a guess.
 */
public final class KlantOpDeBus implements AutoCloseable {
    private final EmbeddedEventStore eventStore;
    private final CommandGateway gateway;

    public KlantOpDeBus() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Klant> repository = EventSourcingRepository.builder(Klant.class)
                .eventStore(eventStore).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Klant>builder().aggregateType(Klant.class).repository(repository).build()
                .subscribe(commandBus);
        gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    public KlantOpDeBus stuur(Object... opdrachten) {
        for (Object opdracht : opdrachten) {
            Afhandeling afhandeling = gateway.sendAndWait(opdracht);
            if (afhandeling == null) {
                throw new IllegalStateException("geen antwoord op " + opdracht);
            }
        }
        return this;
    }

    public List<KlantEvent> gebeurtenissen(KlantId klant) {
        return eventStore.readEvents(klant.toString()).asStream().map(Message::getPayload)
                .map(KlantEvent.class::cast).toList();
    }

    /** Runs the commands against a fresh Klant and returns everything it stored. */
    public static List<KlantEvent> gebeurtenissenNa(KlantId klant, Object... opdrachten) {
        try (KlantOpDeBus bus = new KlantOpDeBus()) {
            return bus.stuur(opdrachten).gebeurtenissen(klant);
        }
    }

    @Override
    public void close() {
        eventStore.shutDown();
    }
}
