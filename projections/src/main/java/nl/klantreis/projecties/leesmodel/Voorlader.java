package nl.klantreis.projecties.leesmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * over; likewise a serving generation far behind the event store when its processor starts (after a
 * history load on a node that only stores, ADR 0035). One thread per generation reads the event
 * store from the generation's token onwards and applies the events through the same
 * {@link Documentprojectie} in transactions of
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
    /** Per read model, the events this node applied in bulk (committed), over all its generations. */
    private final Map<String, LongAdder> verwerkt = new ConcurrentHashMap<>();
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

    /** Events this node applied to the read model in bulk since it started (rebuilds and catching up). */
    long verwerkt(String naam) {
        LongAdder teller = verwerkt.get(naam);
        return teller == null ? 0 : teller.sum();
    }

    boolean isBezig(String processor) {
        return voorladend.containsKey(processor);
    }

    /**
     * A generation whose processor is to start, with the projection that fills it; {@code inBulk}: the
     * engine wants it filled in bulk first (a generation being built, or a serving one far behind).
     */
    record Lid(Generatie generatie, Documentprojectie<?> projectie, boolean inBulk) {
    }

    /**
     * Starts one bulk fill for the generations of {@code kandidaten} that get one (wanted in bulk, bulk
     * fill on, not yet done here): once per generation per node. Those that start at the same
     * position share one reader of the event store, which deserialises every event once for all of
     * them: reading and deserialising was about 60% of a read model's rebuild CPU (ADR 0031),
     * so several read models rebuilt together no longer each pay for it. Called under the engine's lock.
     *
     * @return the kandidaten that get none: their pooled processors should start
     */
    List<Lid> begin(List<Lid> kandidaten) {
        List<Lid> zonder = new ArrayList<>();
        List<Lid> groep = new ArrayList<>();
        for (Lid lid : kandidaten) {
            if (!lid.inBulk() || instellingen.voorladen() <= 0 || !voorgeladen.add(lid.generatie().processor())) {
                zonder.add(lid);
            } else {
                groep.add(lid);
            }
        }
        if (!groep.isEmpty()) {
            Future<?> werk = draden.submit(() -> laadVoor(groep));
            groep.forEach(lid -> voorladend.put(lid.generatie().processor(), werk));
        }
        return zonder;
    }

    /** A bulk fill ends after the transaction it is in (it checks whether the engine is active). */
    void stop() {
        ExecutorService lader = draden;
        if (lader != null) {
            Processorlevensloop.wachtOp(lader, "vullen in bulk (gaat na de start verder vanaf het laatst opgeslagen token)");
        }
    }

    private void laadVoor(List<Lid> groep) {
        List<Vulling> vullingen = new ArrayList<>();
        String draadnaam = Thread.currentThread().getName();
        Thread.currentThread().setName("voorlader-lezer-" + groep.get(0).generatie().processor());
        try {
            for (Lid lid : groep) {
                Vulling vulling = new Vulling(lid);
                vullingen.add(vulling);
                try {
                    vulling.begin = claimAlles(vulling.processor(), vulling.geclaimd);
                } catch (RuntimeException e) {
                    vulling.mislukt(e);
                }
            }
            // Generations at the same position share a reader; a group of one is the common case of
            // one read model rebuilt on its own.
            Map<Optional<TrackingToken>, List<Vulling>> perBegin = new LinkedHashMap<>();
            for (Vulling vulling : vullingen) {
                if (vulling.begin != null && vulling.begin.isPresent()) {
                    perBegin.computeIfAbsent(Optional.ofNullable(vulling.begin.get().token()), k -> new ArrayList<>())
                            .add(vulling);
                }
            }
            for (Map.Entry<Optional<TrackingToken>, List<Vulling>> samen : perBegin.entrySet()) {
                vulSamen(samen.getValue(), samen.getKey().orElse(null));
            }
        } catch (Exception e) {
            vullingen.forEach(v -> v.mislukt(e));
        } finally {
            for (Vulling vulling : vullingen) {
                vulling.meld();
                for (int segment : vulling.geclaimd) {
                    try {
                        transacties.executeInTransaction(() -> tokens.releaseClaim(vulling.processor(), segment));
                    } catch (RuntimeException e) {
                        LOG.warn("leesmodel {}: claim op segment {} niet vrijgegeven (verloopt vanzelf)",
                                vulling.processor(), segment, e);
                    }
                }
            }
            synchronized (slot) {
                groep.forEach(lid -> voorladend.remove(lid.generatie().processor()));
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

    /**
     * Reads the event store once from {@code begin} on this thread, deserialising each payload once,
     * and hands every part of {@code voorladen} events to each generation's own thread, which
     * applies it in one transaction with its tokens. Reading and applying overlap; a generation that
     * fails drops out without holding the others up (the reader never waits for it).
     */
    private void vulSamen(List<Vulling> samen, TrackingToken begin) throws Exception {
        List<Future<?>> toepassers = new ArrayList<>();
        for (Vulling vulling : samen) {
            vulling.handler = vulling.lid.projectie().handler(vulling.lid.generatie().tabel(),
                    processors.dodeBrievenlijst(vulling.processor()), vulling.processor(),
                    () -> register.leestVan(vulling.lid.generatie()));
            toepassers.add(draden.submit(() -> pasToe(vulling)));
        }
        try (BlockingStream<TrackedEventMessage<?>> stroom = events.openStream(begin)) {
            while (actief.getAsBoolean() && !Thread.currentThread().isInterrupted() && stroom.hasNextAvailable()
                    && samen.stream().anyMatch(Vulling::loopt)) {
                List<TrackedEventMessage<?>> deel = new ArrayList<>(instellingen.voorladen());
                while (deel.size() < instellingen.voorladen() && stroom.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stroom.nextAvailable();
                    // Here, once, for every generation: the message keeps its deserialised payload.
                    event.getPayload();
                    deel.add(event);
                }
                for (Vulling vulling : samen) {
                    vulling.geef(deel);
                }
            }
        } finally {
            for (Vulling vulling : samen) {
                vulling.geef(EINDE);
            }
            for (Future<?> toepasser : toepassers) {
                try {
                    toepasser.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // Recorded by the Vulling itself.
                }
            }
        }
    }

    private Void pasToe(Vulling vulling) {
        String draadnaam = Thread.currentThread().getName();
        Thread.currentThread().setName("voorlader-" + vulling.processor());
        try {
            while (true) {
                List<TrackedEventMessage<?>> deel = vulling.rij.take();
                if (deel == EINDE || !actief.getAsBoolean()) {
                    return null;
                }
                TrackingToken tot = deel.get(deel.size() - 1).trackingToken();
                BatchingUnitOfWork<TrackedEventMessage<?>> werk = new BatchingUnitOfWork<>(deel);
                werk.attachTransaction(transacties);
                // Also extends this node's claims: no other node takes a segment while the fill runs.
                werk.onPrepareCommit(u -> vulling.geclaimd.forEach(segment -> tokens.storeToken(tot, vulling.processor(),
                        segment)));
                EventMessageHandler handler = vulling.handler;
                ResultMessage<?> uitkomst = werk.executeWithResult(() -> handler.handle(werk.getMessage()),
                        RollbackConfigurationType.ANY_THROWABLE);
                if (uitkomst.isExceptional()) {
                    throw new IllegalStateException("events tot positie " + tot.position().orElse(-1)
                            + " niet verwerkt", uitkomst.exceptionResult());
                }
                vulling.gelezen += deel.size();
                verwerkt.computeIfAbsent(vulling.lid.generatie().naam(), n -> new LongAdder()).add(deel.size());
            }
        } catch (Exception e) {
            vulling.mislukt(e);
            return null;
        } finally {
            vulling.klaar = true;
            Thread.currentThread().setName(draadnaam);
        }
    }

    /** The end of the events for a generation's thread (compared by identity: a list of its own). */
    private static final List<TrackedEventMessage<?>> EINDE = java.util.Collections.unmodifiableList(new ArrayList<>());

    /** One generation's part in a bulk fill: its claims, its queue of parts, and how it went. */
    private final class Vulling {
        private final Lid lid;
        private final List<Integer> geclaimd = new ArrayList<>();
        /** Two parts ahead at most: memory stays that of a few transactions, not of the store. */
        private final BlockingQueue<List<TrackedEventMessage<?>>> rij = new ArrayBlockingQueue<>(2);
        private final long begonnen = System.nanoTime();
        private volatile Exception fout;
        /** Its thread has ended (done, failed or the engine stops): nothing more is handed to it. */
        private volatile boolean klaar;
        private volatile EventMessageHandler handler;
        private Optional<Beginpositie> begin;
        private volatile long gelezen;

        Vulling(Lid lid) {
            this.lid = lid;
        }

        String processor() {
            return lid.generatie().processor();
        }

        boolean loopt() {
            return fout == null && !klaar;
        }

        void mislukt(Exception e) {
            if (fout == null) {
                fout = e;
            }
        }

        /** Waits for room unless this generation has failed or the engine stops. */
        void geef(List<TrackedEventMessage<?>> deel) throws InterruptedException {
            while (loopt() && (actief.getAsBoolean() || deel == EINDE)) {
                if (rij.offer(deel, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }

        void meld() {
            Generatie generatie = lid.generatie();
            if (fout == null) {
                if (begin != null && begin.isPresent()) {
                    LOG.info("leesmodel {} generatie {}: {} events in bulk verwerkt in {} s; de processor neemt het over",
                            generatie.naam(), generatie.generatie(), gelezen,
                            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - begonnen) / 1e9));
                }
            } else if (actief.getAsBoolean()) {
                LOG.warn("leesmodel {} generatie {}: vullen in bulk gestopt; de processor gaat verder vanaf het laatst"
                        + " opgeslagen token", generatie.naam(), generatie.generatie(), fout);
            } else {
                // The engine stops: an expected end, which needs no stack trace.
                LOG.info("leesmodel {} generatie {}: vullen in bulk afgebroken door het stoppen ({}); na de start"
                        + " verder vanaf het laatst opgeslagen token", generatie.naam(), generatie.generatie(),
                        fout.toString());
            }
        }
    }

    /** Where a bulk fill starts: the position all the generation's segments stand at (null: the first event). */
    private record Beginpositie(TrackingToken token) {
    }
}
