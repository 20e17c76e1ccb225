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
 * its verslag on a queue; one writer thread per node takes everything waiting (up to
 * {@code klantreis.audit.groep}) and writes it in one transaction: lock the heads of both chains
 * ({@code auditketen}, so several nodes append to one chain), chain the hashes
 * ({@link Ketenhash}), batch-insert the processing records (one per betrokkene) and the
 * user-audit records (one per verslag), move the heads, commit with synchronous commit. Only
 * then are the waiting Monos completed; when the write fails, they fail, and the callers show
 * nothing. Under load many requests share one commit (one fsync), so audit costs little; alone, a
 * request waits for one small transaction.
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

    private static final String KOPPEN = "select naam, volgnummer, laatste_hash from auditketen order by naam for update";
    private static final String NIEUWE_VERWERKING = "insert into verwerking (volgnummer, trace_id, span_id, tijdstip,"
            + " activiteit, doel, grondslag, betrokkene, resultaat, vorige_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String NIEUWE_GEBRUIKERSAUDIT = "insert into gebruikersaudit (volgnummer, trace_id, span_id,"
            + " tijdstip, activiteit, actor, rol, organisatieonderdeel, vorige_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String KOP_VERZETTEN = "update auditketen set volgnummer = ?, laatste_hash = ? where naam = ?";

    /** Put on the queue by {@link #destroy()}: the writer finishes what came before and stops. */
    private static final Schrijftaak STOP = new Schrijftaak(null, null, null, 0);

    private final DataSource dataSource;
    private final Clock klok;
    private final boolean aan;
    private final int groep;
    private final BlockingQueue<Schrijftaak> wachtrij;
    private final Scheduler voltooiing = Schedulers.parallel();
    private final Thread schrijver;
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
                          @Value("${klantreis.audit.wachtrij:100000}") int wachtrij) {
        this(dataSource, registry, klok.getIfAvailable(Clock::systemUTC), aan, groep, wachtrij);
    }

    Auditschrijver(DataSource dataSource, MeterRegistry registry, Clock klok, boolean aan, int groep, int wachtrij) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.klok = Objects.requireNonNull(klok, "klok");
        if (groep < 1 || wachtrij < groep) {
            throw new IllegalArgumentException("klantreis.audit.groep >= 1 en klantreis.audit.wachtrij >= groep");
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
            schrijver = new Thread(this::schrijf, "auditschrijver");
            schrijver.setDaemon(true);
            schrijver.start();
        } else {
            schrijver = null;
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
            } else if (!aanvaardt && !schrijver.isAlive() && wachtrij.remove(taak)) {
                // Stopped between the check and the offer: nobody would ever take it.
                sink.error(new AuditNietOpgeslagen("de auditschrijver is gestopt", null));
            }
        }).publishOn(voltooiing);
    }

    /** Whether records are written at all (false only for the benchmark that measures audit's cost). */
    boolean aan() {
        return aan;
    }

    private void schrijf() {
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
            if (!taken.isEmpty()) {
                schrijf(taken);
            }
            taken.clear();
        }
        List<Schrijftaak> over = new ArrayList<>();
        wachtrij.drainTo(over);
        over.stream().filter(o -> o != STOP)
                .forEach(o -> o.sink().error(new AuditNietOpgeslagen("de auditschrijver is gestopt", null)));
    }

    private void schrijf(List<Schrijftaak> taken) {
        long begin = System.nanoTime();
        Geschreven geschreven;
        try {
            geschreven = inEenTransactie(taken);
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

    private Geschreven inEenTransactie(List<Schrijftaak> taken) throws SQLException {
        try (Connection verbinding = dataSource.getConnection()) {
            verbinding.setAutoCommit(false);
            Geschreven geschreven;
            try {
                geschreven = voegToe(verbinding, taken);
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

    private Geschreven voegToe(Connection verbinding, List<Schrijftaak> taken) throws SQLException {
        try (Statement instelling = verbinding.createStatement()) {
            // "Durably stored" must not depend on how the server happens to be configured.
            instelling.execute("set local synchronous_commit = on");
        }
        Kop verwerkingskop = null;
        Kop gebruikerskop = null;
        try (PreparedStatement koppen = verbinding.prepareStatement(KOPPEN); ResultSet rij = koppen.executeQuery()) {
            while (rij.next()) {
                Kop kop = new Kop(rij.getLong("volgnummer"), rij.getBytes("laatste_hash"));
                switch (rij.getString("naam")) {
                    case VERWERKING -> verwerkingskop = kop;
                    case GEBRUIKERSAUDIT -> gebruikerskop = kop;
                    default -> throw new IllegalStateException("onbekende auditketen " + rij.getString("naam"));
                }
            }
        }
        if (verwerkingskop == null || gebruikerskop == null) {
            throw new IllegalStateException("de koppen van de auditketens ontbreken in auditketen");
        }
        Ketenhash ketenhash = new Ketenhash();
        long verwerkingnummer = verwerkingskop.volgnummer();
        byte[] verwerkinghash = verwerkingskop.hash();
        long gebruikernummer = gebruikerskop.volgnummer();
        byte[] gebruikerhash = gebruikerskop.hash();
        int verwerkingrijen = 0;
        try (PreparedStatement verwerking = verbinding.prepareStatement(NIEUWE_VERWERKING);
             PreparedStatement gebruikersaudit = verbinding.prepareStatement(NIEUWE_GEBRUIKERSAUDIT)) {
            for (Schrijftaak o : taken) {
                Verwerkingsverslag v = o.verslag();
                Gebruiker g = v.gebruiker();
                OffsetDateTime tijdstip = OffsetDateTime.ofInstant(o.tijdstip(), ZoneOffset.UTC);
                for (KlantId betrokkene : v.betrokkenen()) {
                    verwerkingnummer++;
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
                    verwerking.addBatch();
                    verwerkinghash = hash;
                    verwerkingrijen++;
                }
                gebruikernummer++;
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
            kop.addBatch();
            kop.setLong(1, gebruikernummer);
            kop.setBytes(2, gebruikerhash);
            kop.setString(3, GEBRUIKERSAUDIT);
            kop.addBatch();
            kop.executeBatch();
        }
        return new Geschreven(verwerkingrijen, taken.size());
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

    /** Stops taking verslagen, stores what is waiting, then stops the writer. */
    @Override
    public void destroy() throws InterruptedException {
        aanvaardt = false;
        if (schrijver == null) {
            return;
        }
        wachtrij.put(STOP);
        schrijver.join(TimeUnit.SECONDS.toMillis(30));
        if (schrijver.isAlive()) {
            LOG.warn("de auditschrijver stopte niet binnen 30 s; wachtende verzoeken krijgen geen antwoord met gegevens");
            schrijver.interrupt();
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
