package nl.klantreis.projecties.leesmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs every read model as an Axon pooled streaming processor, per generation of its tables, and
 * rebuilds a read model without downtime: a new generation is filled from the first event by a
 * processor of its own while the current one keeps serving; once its tokens reach the head of the
 * event store it becomes the serving generation and the old one is stopped (on every node, which
 * all follow the table {@code leesmodel_generatie}) and dropped.
 */
public final class Projectiebeheer implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Projectiebeheer.class);
    private static final Duration OPRUIMEN_NA = Duration.ofSeconds(60);
    /** How long a stop waits for the processors (and a bulk fill) to finish their batch. */
    private static final Duration STOPWACHT = Duration.ofSeconds(5);

    private final Map<String, Documentprojectie<?>> projecties = new LinkedHashMap<>();
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokens;
    private final TransactionManager transacties;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Instellingen instellingen;
    private final ConnectionProvider verbindingen;
    private final Serializer serializer;
    private final Map<String, Draaiend> draaiend = new ConcurrentHashMap<>();
    /** Generations being filled in bulk on this node, and those whose bulk fill has ended here. */
    private final Map<String, Future<?>> voorladend = new ConcurrentHashMap<>();
    private final Set<String> voorgeladen = ConcurrentHashMap.newKeySet();
    private ExecutorService voorlader;
    private final Map<String, String> actieveTabellen = new ConcurrentHashMap<>();
    private ScheduledExecutorService bewaking;
    private volatile boolean actief;

    /**
     * @param segmenten  segments per processor (work is shared out over nodes and threads by segment)
     * @param batch      events per transaction
     * @param bewaakElke how often each node looks at {@code leesmodel_generatie} and at rebuild progress
     * @param verwerken  false for a process that only reads the read models (a command-line tool):
     *                   it follows the generations but runs no processors of its own
     * @param voorladen  events per transaction of a rebuild's bulk fill ({@link #laadVoor}); 0 for none
     */
    public record Instellingen(int segmenten, int batch, Duration bewaakElke, boolean verwerken, int voorladen) {
        public Instellingen(int segmenten, int batch, Duration bewaakElke, boolean verwerken) {
            this(segmenten, batch, bewaakElke, verwerken, VOORLADEN);
        }

        public Instellingen(int segmenten, int batch, Duration bewaakElke) {
            this(segmenten, batch, bewaakElke, true);
        }
    }

    /**
     * Events per transaction when a new generation is filled in bulk ({@link #laadVoor}); 0: no bulk
     * fill, the generation's pooled processor does it all.
     */
    static final int VOORLADEN = 5_000;

    public Projectiebeheer(List<Documentprojectie<?>> projecties, StreamableMessageSource<TrackedEventMessage<?>> events,
                           TokenStore tokens, TransactionManager transacties, DataSource database,
                           ConnectionProvider verbindingen, Serializer serializer, ObjectMapper json,
                           MeterRegistry meters, Instellingen instellingen) {
        this.verbindingen = verbindingen;
        this.serializer = serializer;
        projecties.forEach(p -> this.projecties.put(p.regels().naam(), p));
        this.events = events;
        this.tokens = tokens;
        this.transacties = transacties;
        this.jdbc = new JdbcTemplate(database);
        this.json = json;
        this.instellingen = instellingen;
        for (String naam : this.projecties.keySet()) {
            Gauge.builder("klantreis.projectie.achterstand", () -> achterstand(naam).orElse(Long.MAX_VALUE))
                    .description("Events in the event store that the serving generation of this read model has not yet processed")
                    .tag("projectie", naam).register(meters);
            Gauge.builder("klantreis.projectie.dode.brieven", () -> dodeBrieven(naam))
                    .description("Events of this read model that could not be handled and wait in the dead-letter queue")
                    .tag("projectie", naam).register(meters);
            Documentprojectie<?> projectie = this.projecties.get(naam);
            io.micrometer.core.instrument.FunctionCounter.builder("klantreis.projectie.aangevuld", projectie,
                            Documentprojectie::aangevuld)
                    .description("Events this read model read from the event store because its processor never"
                            + " delivered them (a hole in an aggregate's sequence numbers); should stay 0")
                    .tag("projectie", naam).register(meters);
            Gauge.builder("klantreis.projectie.herbouw.achterstand", () -> herbouwAchterstand(naam).orElse(0L))
                    .description("Events a running rebuild of this read model still has to process (0 when none runs)")
                    .tag("projectie", naam).register(meters);
        }
    }

    @Override
    public void start() {
        for (String naam : projecties.keySet()) {
            transacties.executeInTransaction(() -> {
                Integer aantal = jdbc.queryForObject("SELECT count(*) FROM leesmodel_generatie WHERE naam = ?",
                        Integer.class, naam);
                if (aantal == 0) {
                    String tabel = tabel(naam, 1);
                    jdbc.queryForObject("SELECT leesmodel_maak_tabel(?)::text", String.class, tabel);
                    jdbc.update("INSERT INTO leesmodel_generatie (naam, generatie, tabel, processor, toestand, actief_op) "
                            + "VALUES (?, 1, ?, ?, 'actief', now()) ON CONFLICT DO NOTHING", naam, tabel, processor(naam, 1));
                }
            });
        }
        actief = true;
        voorlader = Executors.newCachedThreadPool(r -> {
            Thread draad = new Thread(r, "leesmodel-voorladen");
            draad.setDaemon(true);
            return draad;
        });
        volg();
        bewaking = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread draad = new Thread(r, "leesmodel-bewaking");
            draad.setDaemon(true);
            return draad;
        });
        long ms = instellingen.bewaakElke().toMillis();
        bewaking.scheduleWithFixedDelay(this::bewaak, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void bewaak() {
        try {
            volg();
            rondHerbouwAf();
            ruimOp();
        } catch (RuntimeException e) {
            if (actief) {
                LOG.warn("bewaking van de leesmodellen mislukt; volgende ronde opnieuw", e);
            }
        }
    }

    /** Starts the processors of the generations that should run, stops those that were replaced. */
    private synchronized void volg() {
        if (!actief) {
            return;
        }
        List<Generatie> generaties = generaties();
        for (Generatie generatie : generaties) {
            if (!projecties.containsKey(generatie.naam())) {
                continue;
            }
            if (generatie.toestand().equals("actief")) {
                String vorige = actieveTabellen.put(generatie.naam(), generatie.tabel());
                if (vorige != null && !vorige.equals(generatie.tabel())) {
                    meldWissel(generatie.naam());
                }
            }
            boolean moetDraaien = instellingen.verwerken() && !generatie.toestand().equals("vervangen");
            Draaiend bestaand = draaiend.get(generatie.processor());
            if (moetDraaien && bestaand == null && !voorladend.containsKey(generatie.processor())) {
                if (generatie.toestand().equals("bouwen") && instellingen.voorladen() > 0
                        && voorgeladen.add(generatie.processor())) {
                    voorladend.put(generatie.processor(), voorlader.submit(() -> laadVoor(generatie)));
                } else {
                    draaiend.put(generatie.processor(), startProcessor(generatie));
                }
            } else if (!moetDraaien && bestaand != null) {
                stop(draaiend.remove(generatie.processor()));
            }
        }
    }

    /**
     * This node now serves another generation: a change written around the switch may have been
     * announced by neither generation, so every listener is told to read its documents again
     * (payload {@code *}). Each node says so once it reads from the new table itself.
     */
    private void meldWissel(String naam) {
        Documentprojectie<?> projectie = projecties.get(naam);
        if (projectie == null || !projectie.regels().meldWijzigingen()) {
            return;
        }
        try {
            jdbc.queryForObject("SELECT pg_notify(?, '*')::text", String.class, Documentprojectie.kanaal(naam));
        } catch (RuntimeException e) {
            LOG.warn("leesmodel {}: wissel van generatie niet gemeld aan de luisteraars", naam, e);
        }
    }

    /**
     * Fills a new generation in bulk before its pooled processor takes over: one thread reads the
     * event store from the generation's token onwards and applies the events through the same
     * {@link Documentprojectie} in transactions of {@code voorladen} events, storing the position
     * as the token of every segment in each of them. A pooled processor's worker commits whatever
     * its coordinator has queued, tens of events at a time in a rebuild, and per batch reads its
     * documents and dead letters and stores its token: the bulk fill does that once per thousands
     * (docs/benchmarks.md). It holds the claims of all segments, so no node's processor handles
     * the generation meanwhile; once it has read everything available it releases them and the
     * pooled processor continues from the stored token, gaps in the global index included. When
     * the claims cannot all be had (another node is at it, or the segments stand at different
     * positions) or anything fails, the pooled processor simply does all the work.
     */
    private void laadVoor(Generatie generatie) {
        String processor = generatie.processor();
        List<Integer> geclaimd = new ArrayList<>();
        String draadnaam = Thread.currentThread().getName();
        Thread.currentThread().setName("voorlader-" + processor);
        try {
            Optional<Beginpositie> begin = claimAlles(processor, geclaimd);
            if (begin.isPresent()) {
                long begonnen = System.nanoTime();
                long gelezen = vul(generatie, begin.get().token(), geclaimd);
                LOG.info("leesmodel {} generatie {}: {} events in bulk verwerkt in {} s; de processor neemt het over",
                        generatie.naam(), generatie.generatie(), gelezen,
                        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - begonnen) / 1e9));
            }
        } catch (Exception e) {
            if (actief) {
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
            synchronized (this) {
                voorladend.remove(processor);
            }
            Thread.currentThread().setName(draadnaam);
            if (actief) {
                volg();
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

    private long vul(Generatie generatie, TrackingToken begin, List<Integer> segmenten) throws Exception {
        String processor = generatie.processor();
        Documentprojectie<?> projectie = projecties.get(generatie.naam());
        EventMessageHandler handler = projectie.handler(generatie.tabel(),
                dodeBrievenlijst(processor), processor,
                () -> generatie.tabel().equals(actieveTabellen.get(generatie.naam())));
        long gelezen = 0;
        try (BlockingStream<TrackedEventMessage<?>> stroom = events.openStream(begin)) {
            while (actief && !Thread.currentThread().isInterrupted() && stroom.hasNextAvailable()) {
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

    private Draaiend startProcessor(Generatie generatie) {
        Documentprojectie<?> projectie = projecties.get(generatie.naam());
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
                                () -> generatie.tabel().equals(actieveTabellen.get(generatie.naam()))))
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
                // A rebuild takes bigger bites: fewer commits for the same events.
                .batchSize(generatie.toestand().equals("bouwen") ? instellingen.batch() * 4 : instellingen.batch())
                .initialToken(StreamableMessageSource::createTailToken)
                .build();
        processor.start();
        LOG.info("leesmodel {} generatie {} ({}) gestart", generatie.naam(), generatie.generatie(), generatie.toestand());
        return new Draaiend(processor, coordinator, werkers);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> dodeBrievenlijst(String processor) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processor)
                .connectionProvider(verbindingen)
                .transactionManager(transacties)
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                .build();
    }

    /** Events parked in the dead-letter queue of the serving generation. */
    public long dodeBrieven(String naam) {
        return generaties().stream().filter(g -> g.naam().equals(naam) && g.toestand().equals("actief")).findFirst()
                .map(g -> jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ?",
                        Long.class, g.processor())).orElse(0L);
    }

    private void stop(Draaiend processor) {
        processor.processor().shutDown();
        processor.coordinator().shutdownNow();
        processor.werkers().shutdownNow();
    }

    /**
     * Stops all processors at once and waits for them: each finishes (and commits) the batch it is
     * in and releases its claims, while the database is still there. Only a processor that does not
     * manage within {@code STOPWACHT} has its threads interrupted.
     */
    private void stopAlle() {
        Map<String, Draaiend> teStoppen = new LinkedHashMap<>(draaiend);
        draaiend.clear();
        Map<String, java.util.concurrent.CompletableFuture<Void>> gestopt = new LinkedHashMap<>();
        teStoppen.forEach((naam, d) -> gestopt.put(naam, d.processor().shutdownAsync()));
        long tot = System.nanoTime() + STOPWACHT.toNanos();
        gestopt.forEach((naam, klaar) -> {
            try {
                klaar.get(Math.max(0, tot - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warn("leesmodelprocessor {} stopte niet binnen {} s; zijn lopende batch wordt afgebroken"
                        + " en na de start opnieuw gedaan", naam, STOPWACHT.toSeconds());
            } catch (java.util.concurrent.ExecutionException e) {
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
     * Starts a rebuild of the read model into a new generation. Its progress shows in
     * {@link #voortgang(String)}; it takes over by itself once it has caught up.
     *
     * @return the new generation's number
     */
    public synchronized int herbouw(String naam) {
        if (!projecties.containsKey(naam)) {
            throw new IllegalArgumentException("onbekend leesmodel: " + naam);
        }
        Integer nieuw = transacties.fetchInTransaction(() -> {
            List<Generatie> lopend = generaties().stream()
                    .filter(g -> g.naam().equals(naam) && g.toestand().equals("bouwen")).toList();
            if (!lopend.isEmpty()) {
                return lopend.get(0).generatie();
            }
            int volgende = jdbc.queryForObject(
                    "SELECT coalesce(max(generatie), 0) + 1 FROM leesmodel_generatie WHERE naam = ?", Integer.class, naam);
            String tabel = tabel(naam, volgende);
            jdbc.queryForObject("SELECT leesmodel_maak_tabel(?)::text", String.class, tabel);
            jdbc.update("INSERT INTO leesmodel_generatie (naam, generatie, tabel, processor, toestand) "
                    + "VALUES (?, ?, ?, ?, 'bouwen')", naam, volgende, tabel, processor(naam, volgende));
            return volgende;
        });
        volg();
        return nieuw;
    }

    /** Where a read model stands: its serving generation, and a running rebuild if any. */
    public record Voortgang(String naam, int actieveGeneratie, long kop, Long actiefPositie, Integer herbouwGeneratie,
                            Long herbouwPositie) {
        public boolean herbouwKlaar() {
            return herbouwGeneratie == null;
        }
    }

    public Voortgang voortgang(String naam) {
        long kop = kop();
        Generatie actieve = null;
        Generatie bouwend = null;
        for (Generatie generatie : generaties()) {
            if (generatie.naam().equals(naam) && generatie.toestand().equals("actief")) {
                actieve = generatie;
            } else if (generatie.naam().equals(naam) && generatie.toestand().equals("bouwen")) {
                bouwend = generatie;
            }
        }
        if (actieve == null) {
            throw new IllegalArgumentException("onbekend leesmodel: " + naam);
        }
        return new Voortgang(naam, actieve.generatie(), kop, positie(actieve.processor()).stream().boxed().findFirst().orElse(null),
                bouwend == null ? null : bouwend.generatie(),
                bouwend == null ? null : positie(bouwend.processor()).stream().boxed().findFirst().orElse(null));
    }

    /** Events the serving generation is behind the head of the event store; empty before it has a token. */
    public OptionalLong achterstand(String naam) {
        String processor = generaties().stream().filter(g -> g.naam().equals(naam) && g.toestand().equals("actief"))
                .map(Generatie::processor).findFirst().orElse(null);
        if (processor == null) {
            return OptionalLong.empty();
        }
        OptionalLong positie = positie(processor);
        return positie.isPresent() ? OptionalLong.of(Math.max(0, kop() - positie.getAsLong())) : OptionalLong.empty();
    }

    private OptionalLong herbouwAchterstand(String naam) {
        return generaties().stream().filter(g -> g.naam().equals(naam) && g.toestand().equals("bouwen")).findFirst()
                .map(g -> {
                    OptionalLong positie = positie(g.processor());
                    return OptionalLong.of(positie.isPresent() ? Math.max(0, kop() - positie.getAsLong()) : kop());
                }).orElse(OptionalLong.empty());
    }

    /**
     * Per processor running on this node: whether one of its segments is in error (it is then
     * retrying the batch that failed) and the error's message.
     */
    public Map<String, Optional<String>> fouten() {
        Map<String, Optional<String>> fouten = new LinkedHashMap<>();
        draaiend.forEach((naam, processor) -> fouten.put(naam, processor.processor().processingStatus().values().stream()
                .filter(status -> status.isErrorState())
                .map(status -> String.valueOf(status.getError()))
                .findFirst()));
        return fouten;
    }

    /** Waits until the serving generation has processed every event stored so far. */
    public boolean wachtTotBijgewerkt(String naam, Duration maximaal) {
        Instant tot = Instant.now().plus(maximaal);
        while (Instant.now().isBefore(tot)) {
            if (achterstand(naam).orElse(Long.MAX_VALUE) == 0) {
                return true;
            }
            slaap(50);
        }
        return false;
    }

    /** The table the serving generation of a read model is in. */
    public String actieveTabel(String naam) {
        String tabel = actieveTabellen.get(naam);
        if (tabel == null) {
            throw new IllegalArgumentException("onbekend leesmodel: " + naam);
        }
        return tabel;
    }

    public Documentprojectie<?> projectie(String naam) {
        return projecties.get(naam);
    }

    public List<String> namen() {
        return List.copyOf(projecties.keySet());
    }

    /**
     * A rebuild has caught up when every segment's token has reached the head of the event store
     * (not when Axon stops calling it a replay): then it becomes the serving generation.
     */
    private void rondHerbouwAf() {
        long kop = kop();
        for (Generatie generatie : generaties()) {
            if (!generatie.toestand().equals("bouwen")) {
                continue;
            }
            OptionalLong positie = positie(generatie.processor());
            boolean bijgewerkt = kop < 0 || (positie.isPresent() && positie.getAsLong() >= kop);
            if (!bijgewerkt) {
                continue;
            }
            Boolean gewisseld = transacties.fetchInTransaction(() -> {
                int vervangen = jdbc.update("UPDATE leesmodel_generatie SET toestand = 'vervangen' "
                        + "WHERE naam = ? AND toestand = 'actief'", generatie.naam());
                int geactiveerd = jdbc.update("UPDATE leesmodel_generatie SET toestand = 'actief', actief_op = now() "
                        + "WHERE naam = ? AND generatie = ? AND toestand = 'bouwen'", generatie.naam(), generatie.generatie());
                return vervangen >= 0 && geactiveerd == 1;
            });
            if (Boolean.TRUE.equals(gewisseld)) {
                LOG.info("leesmodel {}: generatie {} is bijgewerkt tot positie {} en neemt het over",
                        generatie.naam(), generatie.generatie(), kop);
            }
        }
        volg();
    }

    /** Drops the tables and tokens of generations replaced a while ago (queries in flight have finished). */
    private void ruimOp() {
        for (Generatie generatie : generaties()) {
            if (generatie.toestand().equals("vervangen") && generatie.actiefOp() != null
                    && !draaiend.containsKey(generatie.processor())) {
                Optional<Instant> vervangenOp = vervangenOp(generatie);
                if (vervangenOp.isPresent() && vervangenOp.get().plus(OPRUIMEN_NA).isBefore(Instant.now())) {
                    transacties.executeInTransaction(() -> {
                        jdbc.execute("DROP TABLE IF EXISTS " + generatie.tabel());
                        jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", generatie.processor());
                        jdbc.update("DELETE FROM leesmodel_generatie WHERE naam = ? AND generatie = ?",
                                generatie.naam(), generatie.generatie());
                    });
                }
            }
        }
    }

    private Optional<Instant> vervangenOp(Generatie vervangen) {
        return generaties().stream()
                .filter(g -> g.naam().equals(vervangen.naam()) && g.generatie() > vervangen.generatie()
                        && g.actiefOp() != null)
                .map(Generatie::actiefOp).min(Instant::compareTo);
    }

    /** The lowest position over the processor's segments, from its stored tokens. */
    OptionalLong positie(String processor) {
        List<OptionalLong> posities = jdbc.query("SELECT token FROM tokenentry WHERE processorname = ?",
                (rij, nr) -> indexVan(rij.getBytes(1)), processor);
        if (posities.isEmpty() || posities.stream().anyMatch(OptionalLong::isEmpty)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(posities.stream().mapToLong(OptionalLong::getAsLong).min().orElseThrow());
    }

    private OptionalLong indexVan(byte[] token) {
        if (token == null) {
            return OptionalLong.of(-1);
        }
        try {
            JsonNode boom = json.readTree(token);
            // A replay token wraps the token it is working towards; its current position is what counts.
            JsonNode gevolgd = boom.has("currentToken") ? boom.path("currentToken") : boom;
            return gevolgd.has("index") ? OptionalLong.of(gevolgd.path("index").asLong()) : OptionalLong.empty();
        } catch (java.io.IOException e) {
            return OptionalLong.empty();
        }
    }

    private long kop() {
        Long kop = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return kop == null ? -1 : kop;
    }

    private List<Generatie> generaties() {
        return jdbc.query("SELECT naam, generatie, tabel, processor, toestand, actief_op FROM leesmodel_generatie "
                + "ORDER BY naam, generatie", (rij, nr) -> new Generatie(rij.getString(1), rij.getInt(2),
                rij.getString(3), rij.getString(4), rij.getString(5),
                rij.getTimestamp(6) == null ? null : rij.getTimestamp(6).toInstant()));
    }

    private static String tabel(String naam, int generatie) {
        return "leesmodel_" + naam.replace('-', '_') + "_g" + generatie;
    }

    private static String processor(String naam, int generatie) {
        return naam + "-g" + generatie;
    }

    private static void slaap(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops in the order that lets everything finish on a database that is still there: no new
     * work (monitoring, new processors), then the processors and a bulk fill finish their batch.
     * The waiting happens outside this object's lock, which those threads need to end.
     */
    @Override
    public void stop() {
        ExecutorService lader;
        ScheduledExecutorService monitor;
        synchronized (this) {
            actief = false;
            lader = voorlader;
            monitor = bewaking;
        }
        if (monitor != null) {
            monitor.shutdown();
            wachtOp(monitor, "de bewaking van de leesmodellen");
        }
        stopAlle();
        if (lader != null) {
            // A bulk fill ends after the transaction it is in (it checks actief).
            lader.shutdown();
            wachtOp(lader, "vullen in bulk (gaat na de start verder vanaf het laatst opgeslagen token)");
        }
        if (events instanceof AutoCloseable sluitbaar) {
            try {
                sluitbaar.close();
            } catch (Exception e) {
                LOG.warn("sluiten van de eventbron mislukt", e);
            }
        }
    }

    private static void wachtOp(ExecutorService werk, String wat) {
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

    @Override
    public boolean isRunning() {
        return actief;
    }

    /** After Axon (and the event store) have started; stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }

    private record Generatie(String naam, int generatie, String tabel, String processor, String toestand,
                             Instant actiefOp) {
    }

    /** Where a bulk fill starts: the position all the generation's segments stand at (null: the first event). */
    private record Beginpositie(TrackingToken token) {
    }

    private record Draaiend(PooledStreamingEventProcessor processor, ScheduledExecutorService coordinator,
                            ScheduledExecutorService werkers) {
    }
}
