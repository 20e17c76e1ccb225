package nl.klantreis.projecties.leesmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.klantreis.projecties.leesmodel.Generatieregister.Generatie;

/**
 * The first part of a rebuild: fills a new generation in bulk before its pooled processor takes
 * over. One thread per generation reads the event store from the generation's token onwards and
 * applies the events through the same {@link Documentprojectie} in transactions of
 * {@code voorladen} events, storing the position as the token of every segment in each of them. A
 * pooled processor's worker commits whatever its coordinator has queued, tens of events at a time
 * in a rebuild, and per batch reads its documents and dead letters and stores its token: the bulk
 * fill does that once per thousands (docs/benchmarks.md). It holds the claims of all segments, so
 * no node's processor handles the generation meanwhile; once it has read everything available it
 * releases them and the pooled processor continues from the stored token, gaps in the global index
 * included. When the claims cannot all be had (another node is at it, or the segments stand at
 * different positions) or anything fails, the pooled processor simply does all the work.
 */
final class Voorlader {
    private static final Logger LOG = LoggerFactory.getLogger(Voorlader.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokens;
    private final TransactionManager transacties;
    private final Generatieregister register;
    private final Processorlevensloop processors;
    private final Projectiebeheer.Instellingen instellingen;
    /** The engine's lock: under it the engine decides whether a generation gets a bulk fill or a processor. */
    private final Object slot;
    private final BooleanSupplier actief;
    /** Run after a fill has ended, so the generation's pooled processor starts. */
    private final Runnable daarna;
    /** Generations being filled in bulk on this node, and those whose bulk fill has ended here. */
    private final Map<String, Future<?>> voorladend = new ConcurrentHashMap<>();
    private final Set<String> voorgeladen = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService draden;

    Voorlader(StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokens, TransactionManager transacties,
              Generatieregister register, Processorlevensloop processors, Projectiebeheer.Instellingen instellingen,
              Object slot, BooleanSupplier actief, Runnable daarna) {
        this.events = events;
        this.tokens = tokens;
        this.transacties = transacties;
        this.register = register;
        this.processors = processors;
        this.instellingen = instellingen;
        this.slot = slot;
        this.actief = actief;
        this.daarna = daarna;
    }

    void start() {
        draden = Executors.newCachedThreadPool(r -> {
            Thread draad = new Thread(r, "leesmodel-voorladen");
            draad.setDaemon(true);
            return draad;
        });
    }

    boolean isBezig(String processor) {
        return voorladend.containsKey(processor);
    }

    /**
     * Starts a bulk fill of a generation being built, once per generation per node. Called under
     * the engine's lock.
     *
     * @return false when the generation gets none (bulk fill off, not being built, or already done
     *         here): its pooled processor should start
     */
    boolean begin(Generatie generatie, Documentprojectie<?> projectie) {
        if (!generatie.bouwen() || instellingen.voorladen() <= 0 || !voorgeladen.add(generatie.processor())) {
            return false;
        }
        voorladend.put(generatie.processor(), draden.submit(() -> laadVoor(generatie, projectie)));
        return true;
    }

    /** A bulk fill ends after the transaction it is in (it checks whether the engine is active). */
    void stop() {
        ExecutorService lader = draden;
        if (lader != null) {
            Processorlevensloop.wachtOp(lader, "vullen in bulk (gaat na de start verder vanaf het laatst opgeslagen token)");
        }
    }

    private void laadVoor(Generatie generatie, Documentprojectie<?> projectie) {
        String processor = generatie.processor();
        List<Integer> geclaimd = new ArrayList<>();
        String draadnaam = Thread.currentThread().getName();
        Thread.currentThread().setName("voorlader-" + processor);
        try {
            Optional<Beginpositie> begin = claimAlles(processor, geclaimd);
            if (begin.isPresent()) {
                long begonnen = System.nanoTime();
                long gelezen = vul(generatie, projectie, begin.get().token(), geclaimd);
                LOG.info("leesmodel {} generatie {}: {} events in bulk verwerkt in {} s; de processor neemt het over",
                        generatie.naam(), generatie.generatie(), gelezen,
                        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - begonnen) / 1e9));
            }
        } catch (Exception e) {
            if (actief.getAsBoolean()) {
                LOG.warn("leesmodel {} generatie {}: vullen in bulk gestopt; de processor gaat verder vanaf het laatst"
                        + " opgeslagen token", generatie.naam(), generatie.generatie(), e);
            } else {
                // The engine stops: an expected end, which needs no stack trace.
                LOG.info("leesmodel {} generatie {}: vullen in bulk afgebroken door het stoppen ({}); na de start"
                        + " verder vanaf het laatst opgeslagen token", generatie.naam(), generatie.generatie(), e.toString());
            }
        } finally {
            for (int segment : geclaimd) {
                try {
                    transacties.executeInTransaction(() -> tokens.releaseClaim(processor, segment));
                } catch (RuntimeException e) {
                    LOG.warn("leesmodel {}: claim op segment {} niet vrijgegeven (verloopt vanzelf)", processor, segment, e);
                }
            }
            synchronized (slot) {
                voorladend.remove(processor);
            }
            Thread.currentThread().setName(draadnaam);
            if (actief.getAsBoolean()) {
                daarna.run();
            }
        }
    }

    /**
     * Claims every segment of the processor (creating them if the generation is new); present, with
     * the position they all stand at, only when all were claimed and stand at one position.
     */
    private Optional<Beginpositie> claimAlles(String processor, List<Integer> geclaimd) {
        int[] segmenten = transacties.fetchInTransaction(() -> {
            int[] bestaand = tokens.fetchSegments(processor);
            if (bestaand.length == 0) {
                tokens.initializeTokenSegments(processor, instellingen.segmenten());
                return tokens.fetchSegments(processor);
            }
            return bestaand;
        });
        List<TrackingToken> posities = new ArrayList<>();
        for (int segment : segmenten) {
            try {
                posities.add(transacties.fetchInTransaction(() -> tokens.fetchToken(processor, segment)));
                geclaimd.add(segment);
            } catch (UnableToClaimTokenException e) {
                return Optional.empty();
            }
        }
        if (segmenten.length == 0 || posities.stream().distinct().count() != 1) {
            return Optional.empty();
        }
        return Optional.of(new Beginpositie(posities.get(0)));
    }

    private long vul(Generatie generatie, Documentprojectie<?> projectie, TrackingToken begin, List<Integer> segmenten)
            throws Exception {
        String processor = generatie.processor();
        EventMessageHandler handler = projectie.handler(generatie.tabel(),
                processors.dodeBrievenlijst(processor), processor, () -> register.leestVan(generatie));
        long gelezen = 0;
        try (BlockingStream<TrackedEventMessage<?>> stroom = events.openStream(begin)) {
            while (actief.getAsBoolean() && !Thread.currentThread().isInterrupted() && stroom.hasNextAvailable()) {
                List<TrackedEventMessage<?>> deel = new ArrayList<>(instellingen.voorladen());
                while (deel.size() < instellingen.voorladen() && stroom.hasNextAvailable()) {
                    deel.add(stroom.nextAvailable());
                }
                TrackingToken tot = deel.get(deel.size() - 1).trackingToken();
                BatchingUnitOfWork<TrackedEventMessage<?>> werk = new BatchingUnitOfWork<>(deel);
                werk.attachTransaction(transacties);
                // Also extends this node's claims: no other node takes a segment while the fill runs.
                werk.onPrepareCommit(u -> segmenten.forEach(segment -> tokens.storeToken(tot, processor, segment)));
                ResultMessage<?> uitkomst = werk.executeWithResult(() -> handler.handle(werk.getMessage()),
                        RollbackConfigurationType.ANY_THROWABLE);
                if (uitkomst.isExceptional()) {
                    throw new IllegalStateException("events tot positie " + tot.position().orElse(-1)
                            + " niet verwerkt", uitkomst.exceptionResult());
                }
                gelezen += deel.size();
            }
        }
        return gelezen;
    }

    /** Where a bulk fill starts: the position all the generation's segments stand at (null: the first event). */
    private record Beginpositie(TrackingToken token) {
    }
}
