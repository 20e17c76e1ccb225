package nl.klantreis.domein.zaak;

import java.util.List;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

import nl.klantreis.domein.gedeeld.ZaakId;

/** The Zaak aggregate on a real (in-memory) Axon command bus and event store, without Spring. */
final class ZaakOpDeCommandbus implements AutoCloseable {
    private final EmbeddedEventStore eventStore;
    private final CommandGateway gateway;

    ZaakOpDeCommandbus() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Zaak> repository = EventSourcingRepository.builder(Zaak.class)
                .eventStore(eventStore).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Zaak>builder().aggregateType(Zaak.class).repository(repository).build()
                .subscribe(commandBus);
        gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    ZaakUitkomst stuur(Object opdracht) {
        return gateway.sendAndWait(opdracht);
    }

    List<Object> gebeurtenissen(ZaakId zaak) {
        return eventStore.readEvents(zaak.toString()).asStream().map(Message::getPayload).map(Object.class::cast)
                .toList();
    }

    @Override
    public void close() {
        eventStore.shutDown();
    }
}
