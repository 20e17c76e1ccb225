package nl.klantreis.domein.testondersteuning;

import java.util.List;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

/**
 * An aggregate on a real (in-memory) Axon command bus and event store, without Spring: every
 * command loads the aggregate from its stored events, as in production. Used to deliver long
 * sequences of commands in many orders.
 */
public final class OpDeCommandbus<A> implements AutoCloseable {
    private final EmbeddedEventStore eventStore;
    private final CommandGateway gateway;

    public OpDeCommandbus(Class<A> aggregaat) {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<A> repository = EventSourcingRepository.builder(aggregaat).eventStore(eventStore)
                .build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<A>builder().aggregateType(aggregaat).repository(repository).build()
                .subscribe(commandBus);
        gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    /** Sends the command and waits for the handler's result (the aggregate's answer type). */
    public <R> R stuur(Object opdracht) {
        return gateway.sendAndWait(opdracht);
    }

    /** The payloads of the events stored for this aggregate, in order. */
    public List<Object> gebeurtenissen(Object aggregaatId) {
        return eventStore.readEvents(aggregaatId.toString()).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
    }

    @Override
    public void close() {
        eventStore.shutDown();
    }
}
