package nl.klantreis.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.domein.gedeeld.KlantId;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import nl.klantreis.infrastructuur.audit.Ketenhash;

/**
 * The Logboek Dataverwerkingen on PostgreSQL, written by group commit: every {@link #leg} puts
 * its verslag on a queue; {@code klantreis.audit.ketens} (N) writer threads per node each take
 * everything waiting (up to {@code klantreis.audit.groep}) and write it in one transaction: lock
 * the heads of their own chain k in both tables ({@code auditketen}, so several nodes append to
 * one chain in one order), take volgnummers from the tables' sequences, chain the hashes
 * ({@link Ketenhash}), batch-insert the processing records (one per betrokkene) and the
 * user-audit records (one per verslag), move the heads, commit with synchronous commit. Only
 * then are the waiting Monos completed; when the write fails, they fail, and the callers show
 * nothing. Under load many requests share one commit (one fsync), and while one writer commits
 * the next fills its group and commits beside it on a chain of its own (ADR 0029), so audit costs
 * little; alone, a request waits for one small transaction. With {@code ketens=1} it writes as it
 * did before V14: one writer, one chain.
 *
 * <p>{@code klantreis.audit.aan=false} switches audit off (leg completes at once, nothing is
 * written). That exists only to measure what audit costs; it is announced loudly at startup.
 */
@Component
@DependsOn("flywayInitializer")
class Auditschrijver implements Verwerkingslog, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(Auditschrijver.class);

    static final String VERWERKING = "verwerking";
    static final String GEBRUIKERSAUDIT = "gebruikersaudit";
    /**
     * Chains per table, one writer each, unless {@code klantreis.audit.ketens} says otherwise: chosen by
     * measurement (docs/benchmarks.md, "Audit in ketens" and "Issue 14: de doelen"; ADR 0029). On two
     * cores one writer's groups are larger and cheaper than four writers' small ones; more chains pay
     * off only where one writer's fsync is the limit.
     */
    static final int STANDAARD_KETENS = 1;
    /** Each writer holds a pool connection while it commits; the pool has 12 by default. */
    static final int MAXIMUM_KETENS = 16;

    private static final String KOPPEN = "select naam, volgnummer, laatste_hash from auditketen where keten = ?"
            + " order by naam for update";
    /** A chain used for the first time gets its heads (the genesis hash); another node may do it at the same moment. */
    private static final String NIEUWE_KOPPEN = "insert into auditketen (naam, keten, volgnummer, laatste_hash)"
            + " values ('verwerking', ?, 0, decode(repeat('00', 32), 'hex')), ('gebruikersaudit', ?, 0,"
            + " decode(repeat('00', 32), 'hex')) on conflict do nothing";
    /**
     * Taken under the chain's lock, so within a chain the numbers rise in append order; in one round
     * trip for the whole group.
     */
    private static final String VOLGNUMMERS = "select array(select nextval('verwerking_volgnummer') from"
            + " generate_series(1, ?)), array(select nextval('gebruikersaudit_volgnummer') from generate_series(1, ?))";
    private static final String NIEUWE_VERWERKING = "insert into verwerking (volgnummer, trace_id, span_id, tijdstip,"
            + " activiteit, doel, grondslag, betrokkene, resultaat, vorige_hash, hash, keten)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String NIEUWE_GEBRUIKERSAUDIT = "insert into gebruikersaudit (volgnummer, trace_id, span_id,"
            + " tijdstip, activiteit, actor, rol, organisatieonderdeel, vorige_hash, hash, keten)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String KOP_VERZETTEN = "update auditketen set volgnummer = ?, laatste_hash = ? where naam = ?"
            + " and keten = ?";

    /** Put on the queue by {@link #destroy()}: the writer finishes what came before and stops. */
    private static final Schrijftaak STOP = new Schrijftaak(null, null, null, 0);

    private final DataSource dataSource;
    private final Clock klok;
    private final boolean aan;
    private final int groep;
    private final BlockingQueue<Schrijftaak> wachtrij;
    private final Scheduler voltooiing = Schedulers.parallel();
    private final List<Thread> schrijvers;
    /** Writers still running; the last one out fails what is left on the queue. */
    private final java.util.concurrent.atomic.AtomicInteger levend = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean aanvaardt = true;

    private final Counter verwerkingen;
    private final Counter gebruikersaudits;
    private final Timer batch;
    private final Timer wachttijd;
    private final Counter mislukt;
    private final DistributionSummary groepsgrootte;

    @Autowired
    Auditschrijver(DataSource dataSource, MeterRegistry registry, ObjectProvider<Clock> klok,
                          @Value("${klantreis.audit.aan:true}") boolean aan,
                          @Value("${klantreis.audit.groep:500}") int groep,
                          @Value("${klantreis.audit.wachtrij:100000}") int wachtrij,
                          @Value("${klantreis.audit.ketens:" + STANDAARD_KETENS + "}") int ketens) {
        this(dataSource, registry, klok.getIfAvailable(Clock::systemUTC), aan, groep, wachtrij, ketens);
    }

    /** One chain, one writer: as before V14. */
    Auditschrijver(DataSource dataSource, MeterRegistry registry, Clock klok, boolean aan, int groep, int wachtrij) {
        this(dataSource, registry, klok, aan, groep, wachtrij, 1);
    }

    Auditschrijver(DataSource dataSource, MeterRegistry registry, Clock klok, boolean aan, int groep, int wachtrij,
                   int ketens) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.klok = Objects.requireNonNull(klok, "klok");
        if (groep < 1 || wachtrij < groep) {
            throw new IllegalArgumentException("klantreis.audit.groep >= 1 en klantreis.audit.wachtrij >= groep");
        }
        if (ketens < 1 || ketens > MAXIMUM_KETENS) {
            throw new IllegalArgumentException("klantreis.audit.ketens tussen 1 en " + MAXIMUM_KETENS);
        }
        this.aan = aan;
        this.groep = groep;
        this.wachtrij = new LinkedBlockingQueue<>(wachtrij);
        this.verwerkingen = Counter.builder("klantreis.audit.records").tag("soort", "verwerking")
                .description("Audit records stored").register(registry);
        this.gebruikersaudits = Counter.builder("klantreis.audit.records").tag("soort", "gebruiker")
                .description("Audit records stored").register(registry);
        this.batch = Timer.builder("klantreis.audit.batch")
                .description("Time to store one group of audit records, from taking the connection to the commit")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.wachttijd = Timer.builder("klantreis.audit.wachttijd")
                .description("What audit adds to a request: from leg() to its records committed")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.mislukt = Counter.builder("klantreis.audit.batch.mislukt")
                .description("Groups of audit records that could not be stored; their requests answered 503")
                .register(registry);
        this.groepsgrootte = DistributionSummary.builder("klantreis.audit.batch.verslagen")
                .description("Requests whose audit records were stored in one group").register(registry);
        Gauge.builder("klantreis.audit.wachtrij", this.wachtrij, BlockingQueue::size)
                .description("Requests waiting for their audit records to be stored").register(registry);
        if (aan) {
            List<Thread> draden = new ArrayList<>();
            for (int keten = 0; keten < ketens; keten++) {
                int eigen = keten;
                Thread draad = new Thread(() -> schrijf(eigen), ketens == 1 ? "auditschrijver" : "auditschrijver-" + keten);
                draad.setDaemon(true);
                draden.add(draad);
            }
            schrijvers = List.copyOf(draden);
            levend.set(ketens);
            schrijvers.forEach(Thread::start);
        } else {
            schrijvers = List.of();
            LOG.warn("!!! AUDIT STAAT UIT (klantreis.audit.aan=false): verwerkingen van persoonsgegevens worden NIET "
                    + "gelogd. Dit is alleen bedoeld om te meten wat audit kost; nooit zo in productie. !!!");
        }
    }

    /**
     * Completes once the records of this verslag are committed (on a parallel thread, never the
     * writer's); fails with {@link AuditNietOpgeslagen} when they could not be stored. Nothing
     * happens until subscription; the processing is timed at subscription.
     */
    @Override
    public Mono<Void> leg(Verwerkingsverslag verslag) {
        Objects.requireNonNull(verslag, "verslag");
        if (!aan) {
            return Mono.empty();
        }
        return Mono.<Void>create(sink -> {
            try {
                geldig(verslag);
            } catch (IllegalArgumentException fout) {
                sink.error(fout);
                return;
            }
            Schrijftaak taak = new Schrijftaak(verslag, Ketenhash.opMicroseconde(klok.instant()), sink,
                    System.nanoTime());
            if (!aanvaardt) {
                sink.error(new AuditNietOpgeslagen("de auditschrijver is gestopt", null));
            } else if (!wachtrij.offer(taak)) {
                sink.error(new AuditNietOpgeslagen("de wachtrij van het auditlog is vol", null));
            } else if (!aanvaardt && levend.get() == 0 && wachtrij.remove(taak)) {
                // Stopped between the check and the offer: nobody would ever take it.
                sink.error(new AuditNietOpgeslagen("de auditschrijver is gestopt", null));
            }
        }).publishOn(voltooiing);
    }

    /** Whether records are written at all (false only for the benchmark that measures audit's cost). */
    boolean aan() {
        return aan;
    }

    /** The loop of the writer of chain {@code keten}. */
    private void schrijf(int keten) {
        List<Schrijftaak> taken = new ArrayList<>(groep);
        boolean doorgaan = true;
        while (doorgaan) {
            try {
                taken.add(wachtrij.take());
            } catch (InterruptedException e) {
                // Only destroy() interrupts, after a STOP that was not picked up in time.
                break;
            }
            wachtrij.drainTo(taken, groep - 1);
            doorgaan = !taken.removeIf(o -> o == STOP);
            if (!doorgaan) {
                // One STOP for all writers: each passes it on to the next after taking what came before it.
                wachtrij.offer(STOP);
            }
            if (!taken.isEmpty()) {
                schrijf(keten, taken);
            }
            taken.clear();
        }
        if (levend.decrementAndGet() > 0) {
            return;
        }
        List<Schrijftaak> over = new ArrayList<>();
        wachtrij.drainTo(over);
        over.stream().filter(o -> o != STOP)
                .forEach(o -> o.sink().error(new AuditNietOpgeslagen("de auditschrijver is gestopt", null)));
    }

    private void schrijf(int keten, List<Schrijftaak> taken) {
        long begin = System.nanoTime();
        Geschreven geschreven;
        try {
            geschreven = inEenTransactie(keten, taken);
        } catch (SQLException | RuntimeException fout) {
            mislukt.increment();
            LOG.error("{} verslagen konden niet in het auditlog; hun verzoeken krijgen geen antwoord met gegevens",
                    taken.size(), fout);
            AuditNietOpgeslagen reden = new AuditNietOpgeslagen("het auditlog kon niet worden bijgewerkt", fout);
            taken.forEach(o -> o.sink().error(reden));
            return;
        }
        batch.record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
        groepsgrootte.record(taken.size());
        verwerkingen.increment(geschreven.verwerkingen());
        gebruikersaudits.increment(geschreven.gebruikersaudits());
        long klaar = System.nanoTime();
        for (Schrijftaak o : taken) {
            wachttijd.record(klaar - o.aangeboden(), TimeUnit.NANOSECONDS);
            o.sink().success();
        }
    }

    private Geschreven inEenTransactie(int keten, List<Schrijftaak> taken) throws SQLException {
        try (Connection verbinding = dataSource.getConnection()) {
            verbinding.setAutoCommit(false);
            Geschreven geschreven;
            try {
                geschreven = voegToe(verbinding, keten, taken);
                verbinding.commit();
            } catch (SQLException | RuntimeException fout) {
                // The first error is the cause (e.g. the database went away); what the cleaning up of a
                // dead connection throws after it only rides along, so the answer is still the 503 of
                // an unavailable database (ADR 0023).
                try {
                    verbinding.rollback();
                    verbinding.setAutoCommit(true);
                } catch (SQLException opruimen) {
                    fout.addSuppressed(opruimen);
                }
                throw fout;
            }
            verbinding.setAutoCommit(true);
            return geschreven;
        }
    }

    private Geschreven voegToe(Connection verbinding, int keten, List<Schrijftaak> taken) throws SQLException {
        try (Statement instelling = verbinding.createStatement()) {
            // "Durably stored" must not depend on how the server happens to be configured.
            instelling.execute("set local synchronous_commit = on");
        }
        Kop[] koppen = koppen(verbinding, keten);
        if (koppen[0] == null || koppen[1] == null) {
            try (PreparedStatement nieuw = verbinding.prepareStatement(NIEUWE_KOPPEN)) {
                nieuw.setInt(1, keten);
                nieuw.setInt(2, keten);
                nieuw.executeUpdate();
            }
            koppen = koppen(verbinding, keten);
            if (koppen[0] == null || koppen[1] == null) {
                throw new IllegalStateException("de koppen van auditketen " + keten + " ontbreken in auditketen");
            }
        }
        int verwerkingrijen = 0;
        for (Schrijftaak o : taken) {
            verwerkingrijen += o.verslag().betrokkenen().size();
        }
        long[] verwerkingnummers;
        long[] gebruikernummers;
        try (PreparedStatement nummers = verbinding.prepareStatement(VOLGNUMMERS)) {
            nummers.setInt(1, verwerkingrijen);
            nummers.setInt(2, taken.size());
            try (ResultSet rij = nummers.executeQuery()) {
                rij.next();
                verwerkingnummers = oplopend(rij.getArray(1));
                gebruikernummers = oplopend(rij.getArray(2));
            }
        }
        Ketenhash ketenhash = new Ketenhash();
        byte[] verwerkinghash = koppen[0].hash();
        byte[] gebruikerhash = koppen[1].hash();
        long verwerkingnummer = koppen[0].volgnummer();
        long gebruikernummer = koppen[1].volgnummer();
        int verwerkingen = 0;
        int gebruikersaudits = 0;
        try (PreparedStatement verwerking = verbinding.prepareStatement(NIEUWE_VERWERKING);
             PreparedStatement gebruikersaudit = verbinding.prepareStatement(NIEUWE_GEBRUIKERSAUDIT)) {
            for (Schrijftaak o : taken) {
                Verwerkingsverslag v = o.verslag();
                Gebruiker g = v.gebruiker();
                OffsetDateTime tijdstip = OffsetDateTime.ofInstant(o.tijdstip(), ZoneOffset.UTC);
                for (KlantId betrokkene : v.betrokkenen()) {
                    verwerkingnummer = verwerkingnummers[verwerkingen++];
                    byte[] hash = ketenhash.verwerking(verwerkinghash, verwerkingnummer, v.trace().traceId(),
                            v.trace().spanId(), o.tijdstip(), v.activiteit(), v.doel(), v.grondslag(),
                            betrokkene.waarde(), v.resultaat());
                    verwerking.setLong(1, verwerkingnummer);
                    verwerking.setString(2, v.trace().traceId());
                    verwerking.setString(3, v.trace().spanId());
                    verwerking.setObject(4, tijdstip);
                    verwerking.setString(5, v.activiteit());
                    verwerking.setString(6, v.doel());
                    verwerking.setString(7, v.grondslag());
                    verwerking.setString(8, betrokkene.waarde());
                    verwerking.setString(9, v.resultaat());
                    verwerking.setBytes(10, verwerkinghash);
                    verwerking.setBytes(11, hash);
                    verwerking.setInt(12, keten);
                    verwerking.addBatch();
                    verwerkinghash = hash;
                }
                gebruikernummer = gebruikernummers[gebruikersaudits++];
                byte[] hash = ketenhash.gebruikersaudit(gebruikerhash, gebruikernummer, v.trace().traceId(),
                        v.trace().spanId(), o.tijdstip(), v.activiteit(), g.actor(), g.rol().claim(),
                        g.organisatieonderdeel());
                gebruikersaudit.setLong(1, gebruikernummer);
                gebruikersaudit.setString(2, v.trace().traceId());
                gebruikersaudit.setString(3, v.trace().spanId());
                gebruikersaudit.setObject(4, tijdstip);
                gebruikersaudit.setString(5, v.activiteit());
                gebruikersaudit.setString(6, g.actor());
                gebruikersaudit.setString(7, g.rol().claim());
                gebruikersaudit.setString(8, g.organisatieonderdeel());
                gebruikersaudit.setBytes(9, gebruikerhash);
                gebruikersaudit.setBytes(10, hash);
                gebruikersaudit.setInt(11, keten);
                gebruikersaudit.addBatch();
                gebruikerhash = hash;
            }
            if (verwerkingrijen > 0) {
                verwerking.executeBatch();
            }
            gebruikersaudit.executeBatch();
        }
        try (PreparedStatement kop = verbinding.prepareStatement(KOP_VERZETTEN)) {
            kop.setLong(1, verwerkingnummer);
            kop.setBytes(2, verwerkinghash);
            kop.setString(3, VERWERKING);
            kop.setInt(4, keten);
            kop.addBatch();
            kop.setLong(1, gebruikernummer);
            kop.setBytes(2, gebruikerhash);
            kop.setString(3, GEBRUIKERSAUDIT);
            kop.setInt(4, keten);
            kop.addBatch();
            kop.executeBatch();
        }
        return new Geschreven(verwerkingrijen, taken.size());
    }

    /** The locked heads of chain {@code keten}: [verwerking, gebruikersaudit], null where missing. */
    private static Kop[] koppen(Connection verbinding, int keten) throws SQLException {
        Kop[] koppen = new Kop[2];
        try (PreparedStatement vraag = verbinding.prepareStatement(KOPPEN)) {
            vraag.setInt(1, keten);
            try (ResultSet rij = vraag.executeQuery()) {
                while (rij.next()) {
                    Kop kop = new Kop(rij.getLong("volgnummer"), rij.getBytes("laatste_hash"));
                    switch (rij.getString("naam")) {
                        case VERWERKING -> koppen[0] = kop;
                        case GEBRUIKERSAUDIT -> koppen[1] = kop;
                        default -> throw new IllegalStateException("onbekende auditketen " + rij.getString("naam"));
                    }
                }
            }
        }
        return koppen;
    }

    /** The numbers of one group, in the order they were taken (the array keeps it; sorted to be sure). */
    private static long[] oplopend(java.sql.Array nummers) throws SQLException {
        Long[] waarden = (Long[]) nummers.getArray();
        long[] oplopend = new long[waarden.length];
        for (int i = 0; i < waarden.length; i++) {
            oplopend[i] = waarden[i];
        }
        java.util.Arrays.sort(oplopend);
        return oplopend;
    }

    /**
     * PostgreSQL refuses NUL in text: one such verslag would fail the whole group with it, so it
     * is refused on its own before it joins one.
     */
    private static void geldig(Verwerkingsverslag v) {
        Gebruiker g = v.gebruiker();
        for (String tekst : new String[] {v.activiteit(), v.doel(), v.grondslag(), v.resultaat(), g.actor(),
                g.organisatieonderdeel()}) {
            if (tekst != null && tekst.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("een verwerkingsverslag bevat een NUL-teken");
            }
        }
    }

    /** Stops taking verslagen, stores what is waiting, then stops the writers. */
    @Override
    public void destroy() throws InterruptedException {
        aanvaardt = false;
        if (schrijvers.isEmpty()) {
            return;
        }
        wachtrij.put(STOP);
        long tot = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread schrijver : schrijvers) {
            TimeUnit.NANOSECONDS.timedJoin(schrijver, Math.max(1, tot - System.nanoTime()));
        }
        for (Thread schrijver : schrijvers) {
            if (schrijver.isAlive()) {
                LOG.warn("{} stopte niet binnen 30 s; wachtende verzoeken krijgen geen antwoord met gegevens",
                        schrijver.getName());
                schrijver.interrupt();
            }
        }
    }

    /** One verslag waiting on the queue for the writer, with who waits for it and since when. */
    private record Schrijftaak(Verwerkingsverslag verslag, Instant tijdstip, MonoSink<Void> sink, long aangeboden) {
    }

    private record Kop(long volgnummer, byte[] hash) {
    }

    private record Geschreven(int verwerkingen, int gebruikersaudits) {
    }
}
