package nl.klantreis.domein.klant;

import java.util.List;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Verwerking;

/**
 * The Klant aggregate on a real (in-memory) Axon command bus and event store, without Spring:
 * every command loads the aggregate from its stored events, as in production. Used to deliver
 * long sequences of commands in many orders.
 */
final class KlantOpDeCommandbus implements AutoCloseable {
    private final EmbeddedEventStore eventStore;
    private final CommandGateway gateway;

    KlantOpDeCommandbus() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Klant> repository = EventSourcingRepository.builder(Klant.class)
                .eventStore(eventStore).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Klant>builder().aggregateType(Klant.class).repository(repository).build()
                .subscribe(commandBus);
        gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    Verwerking stuur(Object opdracht) {
        return gateway.sendAndWait(opdracht);
    }

    List<Object> gebeurtenissen(KlantId klant) {
        return eventStore.readEvents(klant.toString()).asStream().map(Message::getPayload).map(Object.class::cast)
                .toList();
    }

    @Override
    public void close() {
        eventStore.shutDown();
    }
}
