package nl.klantreis.api.ingestie;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.NoArgumentConstructorCreationPolicyAggregateFactory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import nl.klantreis.domein.klant.Klant;
import nl.klantreis.domein.zaak.Zaak;
import nl.klantreis.infrastructuur.opslag.VoorladendeEventopslag;

/**
 * The write side's aggregates as a batch drives them (ADR 0032): each aggregate of the batch is
 * loaded once, from the events preloaded for the batch, and every command of the batch runs
 * against it in memory; the resulting events are published once, at the end, on the event store
 * of the batch's unit of work, which appends them in one JDBC batch at its commit.
 *
 * <p>The aggregates are Axon's: the same annotated {@link Klant} and {@link Zaak}, the same handler
 * model (with the application's parameter resolvers and handler enhancers), the same creation
 * policies and target identifiers, so their {@code AggregateTestFixture} tests stay the
 * specification. What a batch no longer pays per command is the command bus: a unit of work,
 * dispatch and handler interceptors, message monitors and a repository lookup per command, and
 * the event store's walk over every event already staged in the batch on each aggregate load
 * (quadratic in the batch's size). Nothing of the guarantees moves: another writer of the same
 * aggregate (a concurrent batch, another node, the forget command on the command bus) is still
 * caught at commit by the event store's unique (aggregate, sequence) key, and the batch is done
 * again on fresh state.
 */
@Component
class Batchaggregaten {
    private final Map<Class<?>, Soort<?>> soortPerOpdracht = new HashMap<>();
    private final VoorladendeEventopslag opslag;
    private final EventStore eventStore;
    private final CommandTargetResolver doelwit = AnnotationCommandTargetResolver.builder().build();
    /** Per command type, how to read its target: Axon's resolver looks the annotation up on every call. */
    private final Map<Class<?>, Function<Object, String>> doelen = new ConcurrentHashMap<>();

    Batchaggregaten(VoorladendeEventopslag opslag, @Qualifier("eventStore") EventStore eventStore,
               org.axonframework.config.Configuration axon) {
        this.opslag = opslag;
        this.eventStore = eventStore;
        registreer(Klant.class, axon);
        registreer(Zaak.class, axon);
    }

    /**
     * Reads the aggregate id of a command of this type: for a record, the component Axon's
     * {@link AnnotationCommandTargetResolver} would find (annotated {@link TargetAggregateIdentifier}),
     * read through its accessor; for anything else, that resolver itself.
     */
    private Function<Object, String> doelVan(Class<?> type) {
        if (type.isRecord()) {
            for (RecordComponent onderdeel : type.getRecordComponents()) {
                if (onderdeel.isAnnotationPresent(TargetAggregateIdentifier.class)
                        || onderdeel.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)
                        || veldIsDoel(type, onderdeel.getName())) {
                    Method lezer = onderdeel.getAccessor();
                    lezer.setAccessible(true);
                    return opdracht -> {
                        try {
                            return String.valueOf(lezer.invoke(opdracht));
                        } catch (ReflectiveOperationException fout) {
                            throw new IllegalStateException("doel van " + type.getSimpleName() + " onleesbaar", fout);
                        }
                    };
                }
            }
        }
        return opdracht -> doelwit.resolveTarget(GenericCommandMessage.asCommandMessage(opdracht)).getIdentifier();
    }

    private static boolean veldIsDoel(Class<?> type, String naam) {
        try {
            return type.getDeclaredField(naam).isAnnotationPresent(TargetAggregateIdentifier.class);
        } catch (NoSuchFieldException fout) {
            return false;
        }
    }

    /** A new batch: nothing loaded, nothing decided. */
    Batch begin() {
        return new Batch();
    }

    private <T> void registreer(Class<T> type, org.axonframework.config.Configuration axon) {
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                axon.parameterResolverFactory(), axon.handlerDefinition(type));
        Soort<T> soort = new Soort<>(type, model, new GenericAggregateFactory<>(type),
                new NoArgumentConstructorCreationPolicyAggregateFactory<>(type));
        for (Method methode : type.getDeclaredMethods()) {
            if (methode.isAnnotationPresent(CommandHandler.class) && methode.getParameterCount() >= 1) {
                CreationPolicy beleid = methode.getAnnotation(CreationPolicy.class);
                soort.aanmaken.put(methode.getParameterTypes()[0],
                        beleid != null && beleid.value() == AggregateCreationPolicy.CREATE_IF_MISSING);
                if (soortPerOpdracht.put(methode.getParameterTypes()[0], soort) != null) {
                    throw new IllegalStateException("twee aggregaten behandelen " + methode.getParameterTypes()[0]);
                }
            }
        }
    }

    /**
     * One aggregate type: its Axon model, how to make its root from its events and a new one (as
     * Axon's repository and its creation policy do), and per command whether it may create one.
     */
    private record Soort<T>(Class<T> type, AggregateModel<T> model, GenericAggregateFactory<T> fabriek,
                            NoArgumentConstructorCreationPolicyAggregateFactory<T> nieuw,
                            Map<Class<?>, Boolean> aanmaken) {
        Soort(Class<T> type, AggregateModel<T> model, GenericAggregateFactory<T> fabriek,
              NoArgumentConstructorCreationPolicyAggregateFactory<T> nieuw) {
            this(type, model, fabriek, nieuw, new HashMap<>());
        }
    }

    /**
     * One attempt at one batch. Not thread-safe, and not to be reused after a failed attempt: the
     * aggregates in it may hold the state of a command that was refused halfway.
     */
    final class Batch {
        private final Map<String, EventSourcedAggregate<?>> geladen = new HashMap<>();
        private final List<EventMessage<?>> besloten = new ArrayList<>();

        /**
         * Runs the command on its aggregate and answers what its handler returned. A refusal of
         * the domain ({@code RegelOvertreden}) comes out as it was thrown.
         */
        Object stuur(Object opdracht) {
            Soort<?> soort = soortPerOpdracht.get(opdracht.getClass());
            if (soort == null) {
                throw new IllegalArgumentException("geen aggregaat behandelt " + opdracht.getClass().getName());
            }
            var bericht = GenericCommandMessage.asCommandMessage(opdracht);
            String id = doelen.computeIfAbsent(opdracht.getClass(), Batchaggregaten.this::doelVan).apply(bericht.getPayload());
            EventSourcedAggregate<?> aggregaat = geladen.get(id);
            if (aggregaat == null) {
                aggregaat = laad(soort, id, soort.aanmaken().getOrDefault(opdracht.getClass(), false));
                geladen.put(id, aggregaat);
            }
            try {
                return aggregaat.handle(bericht);
            } catch (RuntimeException fout) {
                throw fout;
            } catch (Exception fout) {
                throw new IllegalStateException("opdracht " + opdracht.getClass().getSimpleName() + " mislukt", fout);
            }
        }

        /** Hands every event decided in this batch to the unit of work's event store, in the order decided. */
        void publiceer() {
            if (!besloten.isEmpty()) {
                eventStore.publish(List.copyOf(besloten));
            }
        }

        /** As Axon's event-sourcing repository loads (or, when the policy allows, creates) an aggregate. */
        private <T> EventSourcedAggregate<T> laad(Soort<T> soort, String id, boolean aanmaken) {
            DomainEventStream events = opslag.readEvents(id);
            if (!events.hasNext()) {
                if (!aanmaken) {
                    throw new AggregateNotFoundException(id, "aggregaat " + soort.type().getSimpleName() + " " + id
                            + " bestaat niet");
                }
                return new Batchaggregaat<>(soort.nieuw().create(id), soort.model());
            }
            Batchaggregaat<T> aggregaat = new Batchaggregaat<>(soort.fabriek().createAggregateRoot(id, events.peek()),
                    soort.model());
            aggregaat.initializeState(events);
            return aggregaat;
        }

        /**
         * Axon's event-sourced aggregate, keeping what it applies for {@link #publiceer} instead of
         * publishing it on an event bus (it has none): the batch's events reach the event store once,
         * not once per command. What it replays while it is loaded is not kept.
         */
        private final class Batchaggregaat<T> extends EventSourcedAggregate<T> {
            private boolean laden;

            Batchaggregaat(T wortel, AggregateModel<T> model) {
                super(wortel, model, null, NoSnapshotTriggerDefinition.TRIGGER);
            }

            @Override
            public void initializeState(DomainEventStream events) {
                laden = true;
                try {
                    super.initializeState(events);
                } finally {
                    laden = false;
                }
            }

            @Override
            protected void publishOnEventBus(EventMessage<?> event) {
                if (!laden) {
                    besloten.add(event);
                }
            }
        }
    }
}
