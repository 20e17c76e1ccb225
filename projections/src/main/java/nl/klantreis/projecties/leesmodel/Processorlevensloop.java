package nl.klantreis.projecties.leesmodel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.klantreis.projecties.leesmodel.Generatieregister.Generatie;

/**
 * The Axon pooled streaming processors of the generations this node runs: starting one per
 * generation (with its own threads and dead-letter queue), stopping one, and stopping all at once
 * within {@link #STOPWACHT} so a stop never waits on them one after another (ADR 0012).
 */
final class Processorlevensloop {
    private static final Logger LOG = LoggerFactory.getLogger(Processorlevensloop.class);
    /** How long a stop waits for the processors (and a bulk fill) to finish their batch. */
    static final Duration STOPWACHT = Duration.ofSeconds(5);
    /**
     * How often a processor's coordinator looks for segments nobody holds (Axon's default is 5 s):
     * a segment another node released for this one, or one whose claim expired because its node died.
     */
    static final Duration CLAIMEN_ELKE = Duration.ofSeconds(2);

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokens;
    private final TransactionManager transacties;
    private final ConnectionProvider verbindingen;
    private final Serializer serializer;
    private final Generatieregister register;
    private final Projectiebeheer.Instellingen instellingen;
    private final Map<String, Draaiend> draaiend = new ConcurrentHashMap<>();

    Processorlevensloop(StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokens,
                        TransactionManager transacties, ConnectionProvider verbindingen, Serializer serializer,
                        Generatieregister register, Projectiebeheer.Instellingen instellingen) {
        this.events = events;
        this.tokens = tokens;
        this.transacties = transacties;
        this.verbindingen = verbindingen;
        this.serializer = serializer;
        this.register = register;
        this.instellingen = instellingen;
    }

    boolean draait(String processor) {
        return draaiend.containsKey(processor);
    }

    void start(Generatie generatie, Documentprojectie<?> projectie) {
        ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1,
                r -> new Thread(r, "coordinator-" + generatie.processor()));
        ScheduledExecutorService werkers = Executors.newScheduledThreadPool(instellingen.segmenten(),
                r -> new Thread(r, "werker-" + generatie.processor()));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(generatie.processor())
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(projectie.handler(generatie.tabel(), dodeBrievenlijst(generatie.processor()),
                                generatie.processor(),
                                // Only the generation this node serves reads from announces its changes.
                                () -> register.leestVan(generatie)))
                        .sequencingPolicy(projectie.volgorde())
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                // An event that cannot be handled stops this processor's segment (and is retried),
                // rather than being logged and skipped into a silently wrong read model.
                .errorHandler(PropagatingErrorHandler.INSTANCE)
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(transacties)
                .coordinatorExecutor(coordinator)
                .workerExecutor(werkers)
                .initialSegmentCount(instellingen.segmenten())
                .tokenClaimInterval(CLAIMEN_ELKE.toMillis())
                // A rebuild takes bigger bites: fewer commits for the same events.
                .batchSize(generatie.bouwen() ? instellingen.batch() * 4 : instellingen.batch())
                .initialToken(StreamableMessageSource::createTailToken)
                .build();
        processor.start();
        LOG.info("leesmodel {} generatie {} ({}) gestart", generatie.naam(), generatie.generatie(), generatie.toestand());
        draaiend.put(generatie.processor(), new Draaiend(processor, coordinator, werkers));
    }

    /** Stops the processor of a replaced generation (while the engine keeps running). */
    void stop(String processor) {
        Draaiend gestopt = draaiend.remove(processor);
        if (gestopt != null) {
            gestopt.processor().shutDown();
            gestopt.coordinator().shutdownNow();
            gestopt.werkers().shutdownNow();
        }
    }

    /**
     * Stops all processors at once and waits for them: each finishes (and commits) the batch it is
     * in and releases its claims, while the database is still there. Only a processor that does not
     * manage within {@code STOPWACHT} has its threads interrupted.
     */
    void stopAlle() {
        Map<String, Draaiend> teStoppen = new LinkedHashMap<>(draaiend);
        draaiend.clear();
        Map<String, CompletableFuture<Void>> gestopt = new LinkedHashMap<>();
        teStoppen.forEach((naam, d) -> gestopt.put(naam, d.processor().shutdownAsync()));
        long tot = System.nanoTime() + STOPWACHT.toNanos();
        gestopt.forEach((naam, klaar) -> {
            try {
                klaar.get(Math.max(0, tot - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.warn("leesmodelprocessor {} stopte niet binnen {} s; zijn lopende batch wordt afgebroken"
                        + " en na de start opnieuw gedaan", naam, STOPWACHT.toSeconds());
            } catch (ExecutionException e) {
                LOG.warn("leesmodelprocessor {} stopte met een fout: {}", naam, e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        teStoppen.values().forEach(d -> {
            d.coordinator().shutdownNow();
            d.werkers().shutdownNow();
        });
    }

    /**
     * Keeps each processor running here to its share of its segments among {@code knooppunten}
     * nodes ({@link Segmentverdeling#aandeel}): the segments above it are released and not claimed
     * again by this node for {@code vrijgeven}, so the others' coordinators claim them. Below its
     * share a processor needs nothing: its coordinator claims free segments by itself.
     */
    void verdeel(int knooppunten, Duration vrijgeven) {
        draaiend.forEach((naam, d) -> {
            List<Integer> geclaimd = d.processor().processingStatus().keySet().stream().sorted().toList();
            if (geclaimd.size() <= 1) {
                return;
            }
            int segmenten = transacties.fetchInTransaction(() -> tokens.fetchSegments(naam)).length;
            int aandeel = Segmentverdeling.aandeel(segmenten, knooppunten);
            for (int segment : geclaimd.subList(Math.min(aandeel, geclaimd.size()), geclaimd.size())) {
                LOG.info("leesmodelprocessor {}: segment {} vrijgegeven voor een ander knooppunt ({} knooppunten,"
                        + " aandeel {} van {} segmenten)", naam, segment, knooppunten, aandeel, segmenten);
                d.processor().releaseSegment(segment, vrijgeven.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Per processor running on this node: whether one of its segments is in error (it is then
     * retrying the batch that failed) and the error's message.
     */
    Map<String, Optional<String>> fouten() {
        Map<String, Optional<String>> fouten = new LinkedHashMap<>();
        draaiend.forEach((naam, processor) -> fouten.put(naam, processor.processor().processingStatus().values().stream()
                .filter(status -> status.isErrorState())
                .map(status -> String.valueOf(status.getError()))
                .findFirst()));
        return fouten;
    }

    /** The generation's own dead-letter queue (its processing group is the processor's name). */
    SequencedDeadLetterQueue<EventMessage<?>> dodeBrievenlijst(String processor) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processor)
                .connectionProvider(verbindingen)
                .transactionManager(transacties)
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                .build();
    }

    /** Shuts the executor down and waits at most {@link #STOPWACHT}; then interrupts what still runs. */
    static void wachtOp(ExecutorService werk, String wat) {
        werk.shutdown();
        try {
            if (!werk.awaitTermination(STOPWACHT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} stopte niet binnen {} s en wordt onderbroken", wat, STOPWACHT.toSeconds());
                werk.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            werk.shutdownNow();
        }
    }

    private record Draaiend(PooledStreamingEventProcessor processor, ScheduledExecutorService coordinator,
                            ScheduledExecutorService werkers) {
    }
}
