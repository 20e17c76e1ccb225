package nl.klantreis.projecties.leesmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import nl.klantreis.projecties.leesmodel.Generatieregister.Generatie;

/**
 * Runs every read model as an Axon pooled streaming processor, per generation of its tables, and
 * rebuilds a read model without downtime: a new generation is filled from the first event by a
 * processor of its own while the current one keeps serving; once its tokens reach the head of the
 * event store it becomes the serving generation and the old one is stopped (on every node, which
 * all follow the table {@code leesmodel_generatie}) and dropped.
 *
 * <p>This class is the engine's face and its clock: it follows the registry every
 * {@code bewaakElke} and decides; the work is done by {@link Generatieregister} (which generations
 * exist, and which table this node reads), {@link Voorlader} (a rebuild's bulk fill),
 * {@link Processorlevensloop} (starting and stopping processors) and {@link Voortgangsmeting}
 * (lag, progress, meters). How to add a read model: docs/leesmodel-toevoegen.md.
 */
public final class Projectiebeheer implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Projectiebeheer.class);
    private static final Duration OPRUIMEN_NA = Duration.ofSeconds(60);
    /**
     * How long a segment released for another node is not claimed again by this one: several of the
     * other node's looks for free segments ({@link Processorlevensloop#CLAIMEN_ELKE}); if it has
     * not taken it by then, this node claims it back and releases it again at the next round.
     */
    private static final Duration VRIJGEVEN = Processorlevensloop.CLAIMEN_ELKE.multipliedBy(5);
    /** A processor whose position has not moved this long with work to do is started anew. */
    static final Duration VASTGELOPEN_NA = Duration.ofSeconds(30);

    private final Map<String, Documentprojectie<?>> projecties = new LinkedHashMap<>();
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final JdbcTemplate jdbc;
    private final Instellingen instellingen;
    private final Generatieregister register;
    private final Voortgangsmeting voortgang;
    private final Processorlevensloop processors;
    private final Voorlader voorlader;
    private final Segmentverdeling verdeling;
    private final Stilstandbewaking stilstand = new Stilstandbewaking(VASTGELOPEN_NA);
    private ScheduledExecutorService bewaking;
    private volatile boolean actief;

    /**
     * @param segmenten  segments per processor (work is shared out over nodes and threads by segment)
     * @param batch      events per transaction
     * @param bewaakElke how often each node looks at {@code leesmodel_generatie} and at rebuild progress
     * @param verwerken  false for a process that only reads the read models (a command-line tool):
     *                   it follows the generations but runs no processors of its own
     * @param voorladen  events per transaction of a rebuild's bulk fill ({@link Voorlader}); 0 for none
     * @param delen      whether the nodes share each processor's segments evenly ({@link Segmentverdeling});
     *                   false: a node claims whatever segments are free (the first node to start gets all)
     * @param weg        how long a node not heard from still counts as one of the nodes sharing the
     *                   segments: as long as Axon's token claims last
     * @param inhalenVanaf events a serving generation must be behind the head of the event store, when its
     *                   processor starts on this node, to be brought up to date in bulk first
     *                   ({@link Voorlader}), as after a history load on a node that only stores; 0: never
     */
    public record Instellingen(int segmenten, int batch, Duration bewaakElke, boolean verwerken, int voorladen,
                               boolean delen, Duration weg, long inhalenVanaf) {
        public Instellingen(int segmenten, int batch, Duration bewaakElke, boolean verwerken, int voorladen) {
            this(segmenten, batch, bewaakElke, verwerken, voorladen, true, Duration.ofSeconds(10), INHALEN_VANAF);
        }

        public Instellingen(int segmenten, int batch, Duration bewaakElke, boolean verwerken) {
            this(segmenten, batch, bewaakElke, verwerken, VOORLADEN);
        }

        public Instellingen(int segmenten, int batch, Duration bewaakElke) {
            this(segmenten, batch, bewaakElke, true);
        }
    }

    /**
     * Events per transaction when a new generation is filled in bulk ({@link Voorlader}); 0: no bulk
     * fill, the generation's pooled processor does it all.
     */
    static final int VOORLADEN = 5_000;

    /**
     * Events behind at which a serving generation starting on this node is brought up to date in bulk:
     * about five seconds of a pooled processor's catching up (10,000 events/s, docs/benchmarks.md),
     * so a node restarted after a short stop simply continues with its processors (ADR 0035).
     */
    static final long INHALEN_VANAF = 50_000;

    public Projectiebeheer(List<Documentprojectie<?>> projecties, StreamableMessageSource<TrackedEventMessage<?>> events,
                           TokenStore tokens, TransactionManager transacties, DataSource database,
                           ConnectionProvider verbindingen, Serializer serializer, ObjectMapper json,
                           MeterRegistry meters, Instellingen instellingen) {
        projecties.forEach(p -> this.projecties.put(p.regels().naam(), p));
        this.events = events;
        this.jdbc = new JdbcTemplate(database);
        this.instellingen = instellingen;
        this.register = new Generatieregister(jdbc, transacties);
        this.voortgang = new Voortgangsmeting(jdbc, json, register);
        this.processors = new Processorlevensloop(events, tokens, transacties, verbindingen, serializer, register,
                instellingen);
        this.voorlader = new Voorlader(events, tokens, transacties, register, processors, instellingen, this,
                () -> actief, this::volg);
        this.verdeling = new Segmentverdeling(jdbc, instellingen.weg());
        voortgang.registreerMeters(meters, this.projecties);
        for (String naam : this.projecties.keySet()) {
            FunctionCounter.builder("klantreis.projectie.bulk", voorlader, v -> v.verwerkt(naam))
                    .description("Events this node applied to the read model in bulk: a rebuild's new generation, or a"
                            + " serving one caught up after a history load (ADR 0035)")
                    .tag("projectie", naam).register(meters);
        }
    }

    @Override
    public void start() {
        for (String naam : projecties.keySet()) {
            register.registreerEerste(naam);
        }
        actief = true;
        if (deelt()) {
            verdeling.meld();
        }
        voorlader.start();
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
            verdeel();
            volg();
            rondHerbouwAf();
            herstartVastgelopen();
            ruimOp();
        } catch (RuntimeException e) {
            if (actief) {
                LOG.warn("bewaking van de leesmodellen mislukt; volgende ronde opnieuw", e);
            }
        }
    }

    /** Starts anew each processor of this node that stands still with work to do ({@link Stilstandbewaking}). */
    private synchronized void herstartVastgelopen() {
        if (!actief || !instellingen.verwerken()) {
            return;
        }
        long kop = voortgang.kop();
        Instant nu = Instant.now();
        for (Generatie generatie : register.generaties()) {
            String processor = generatie.processor();
            Documentprojectie<?> projectie = projecties.get(generatie.naam());
            if (projectie == null || generatie.vervangen() || !processors.draait(processor)
                    || voorlader.isBezig(processor)) {
                stilstand.vergeet(processor);
                continue;
            }
            OptionalLong positie = voortgang.positie(processor);
            if (stilstand.vastgelopen(processor, positie, kop, nu)) {
                LOG.warn("leesmodelprocessor {} staat al {} s stil op positie {} (kop {}); opnieuw gestart",
                        processor, VASTGELOPEN_NA.toSeconds(), positie.getAsLong(), kop);
                processors.stop(processor);
                processors.start(generatie, projectie);
            }
        }
    }

    private boolean deelt() {
        return instellingen.verwerken() && instellingen.delen();
    }

    /**
     * Says this node is here and keeps its processors to their share of the segments: with more
     * nodes than before it releases what is above its share for the others to claim; with fewer
     * (one was killed and stopped counting once its claims expired) its processors claim the freed
     * segments by themselves.
     */
    private void verdeel() {
        if (!deelt()) {
            return;
        }
        verdeling.meld();
        processors.verdeel(verdeling.knooppunten(), VRIJGEVEN);
    }

    /** Starts the processors of the generations that should run, stops those that were replaced. */
    private synchronized void volg() {
        if (!actief) {
            return;
        }
        // Every generation to start now, together: those a bulk fill takes share its reader.
        List<Voorlader.Lid> starten = new ArrayList<>();
        long kop = Long.MIN_VALUE;
        for (Generatie generatie : register.generaties()) {
            Documentprojectie<?> projectie = projecties.get(generatie.naam());
            if (projectie == null) {
                continue;
            }
            if (generatie.actief() && register.volgActieve(generatie)) {
                meldWissel(generatie.naam());
            }
            boolean moetDraaien = instellingen.verwerken() && !generatie.vervangen();
            boolean draait = processors.draait(generatie.processor());
            if (moetDraaien && !draait && !voorlader.isBezig(generatie.processor())) {
                boolean inBulk = generatie.bouwen();
                if (generatie.actief() && instellingen.inhalenVanaf() > 0) {
                    kop = kop == Long.MIN_VALUE ? voortgang.kop() : kop;
                    long achter = voortgang.achterstandVan(generatie, kop);
                    inBulk = achter >= instellingen.inhalenVanaf();
                    if (inBulk) {
                        LOG.info("leesmodel {}: generatie {} staat {} events achter op de event store; eerst in bulk"
                                + " bijgewerkt, daarna neemt de processor het over", generatie.naam(),
                                generatie.generatie(), achter);
                    }
                }
                starten.add(new Voorlader.Lid(generatie, projectie, inBulk));
            } else if (!moetDraaien && draait) {
                processors.stop(generatie.processor());
            }
        }
        if (!starten.isEmpty()) {
            for (Voorlader.Lid lid : voorlader.begin(starten)) {
                processors.start(lid.generatie(), lid.projectie());
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
     * A rebuild has caught up when every segment's token has reached the head of the event store
     * (not when Axon stops calling it a replay): then it becomes the serving generation.
     */
    private void rondHerbouwAf() {
        long kop = voortgang.kop();
        for (Generatie generatie : register.generaties()) {
            if (generatie.bouwen() && voortgang.bijgewerktTot(generatie, kop) && register.neemOver(generatie)) {
                LOG.info("leesmodel {}: generatie {} is bijgewerkt tot positie {} en neemt het over",
                        generatie.naam(), generatie.generatie(), kop);
            }
        }
        volg();
    }

    /** Drops the tables and tokens of generations replaced a while ago (queries in flight have finished). */
    private void ruimOp() {
        for (Generatie generatie : register.generaties()) {
            if (generatie.vervangen() && generatie.actiefOp() != null && !processors.draait(generatie.processor())) {
                Optional<Instant> vervangenOp = register.vervangenOp(generatie);
                if (vervangenOp.isPresent() && vervangenOp.get().plus(OPRUIMEN_NA).isBefore(Instant.now())) {
                    register.verwijder(generatie);
                }
            }
        }
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
        int nieuw = register.bouwNieuwe(naam);
        volg();
        return nieuw;
    }

    /**
     * Starts a rebuild of every read model at once, each into a new generation, as after deploying
     * a change that touches them all. Their bulk fills share one reader of the event store, so the
     * events are read and deserialised once instead of once per read model ({@link Voorlader}).
     *
     * @return per read model the new generation's number
     */
    public synchronized Map<String, Integer> herbouwAlle() {
        Map<String, Integer> nieuw = new LinkedHashMap<>();
        for (String naam : projecties.keySet()) {
            nieuw.put(naam, register.bouwNieuwe(naam));
        }
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
        return voortgang.voortgang(naam);
    }

    /** Events the serving generation is behind the head of the event store; empty before it has a token. */
    public OptionalLong achterstand(String naam) {
        return voortgang.achterstand(naam);
    }

    /** Events parked in the dead-letter queue of the serving generation. */
    public long dodeBrieven(String naam) {
        return voortgang.dodeBrieven(naam);
    }

    /** Waits until the serving generation has processed every event stored so far. */
    public boolean wachtTotBijgewerkt(String naam, Duration maximaal) {
        return voortgang.wachtTotBijgewerkt(naam, maximaal);
    }

    /**
     * Per processor running on this node: whether one of its segments is in error (it is then
     * retrying the batch that failed) and the error's message.
     */
    public Map<String, Optional<String>> fouten() {
        return processors.fouten();
    }

    /** The table the serving generation of a read model is in. */
    public String actieveTabel(String naam) {
        return register.actieveTabel(naam);
    }

    public Documentprojectie<?> projectie(String naam) {
        return projecties.get(naam);
    }

    public List<String> namen() {
        return List.copyOf(projecties.keySet());
    }

    /**
     * Stops in the order that lets everything finish on a database that is still there: no new
     * work (monitoring, new processors), then the processors, all at once, and a bulk fill finish
     * their batch, each within {@link Processorlevensloop#STOPWACHT}. The waiting happens outside
     * this object's lock, which those threads need to end.
     */
    @Override
    public void stop() {
        ScheduledExecutorService monitor;
        synchronized (this) {
            actief = false;
            monitor = bewaking;
        }
        if (monitor != null) {
            Processorlevensloop.wachtOp(monitor, "de bewaking van de leesmodellen");
        }
        processors.stopAlle();
        voorlader.stop();
        if (deelt()) {
            try {
                verdeling.afmelden();
            } catch (RuntimeException e) {
                LOG.info("afmelden bij de segmentverdeling mislukt ({}); de andere knooppunten tellen dit knooppunt"
                        + " niet meer mee zodra het {} s niet gezien is", e.toString(), instellingen.weg().toSeconds());
            }
        }
        if (events instanceof AutoCloseable sluitbaar) {
            try {
                sluitbaar.close();
            } catch (Exception e) {
                LOG.warn("sluiten van de eventbron mislukt", e);
            }
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
}
