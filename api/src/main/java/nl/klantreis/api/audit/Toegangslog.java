package nl.klantreis.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The security log (ADR 0013): refused and denied accesses, written off the request path.
 * {@link #meld} only counts in memory, on the event loop, and never blocks or fails the request;
 * a writer thread stores what was counted every {@code klantreis.toegang.interval} (1 s) in one
 * batch.
 *
 * <p>A flood must neither fill the disk nor slow the engine. Identical refusals (same minute,
 * kind, reason, actor, client address, method, route template, object) are one row with a count,
 * added to in the database across batches. At most {@code klantreis.toegang.per-minuut} distinct
 * rows are made per minute; beyond that a refusal is counted in one overflow row per kind and
 * status of that minute ({@value #OVERLOOP}), without its details. So memory and rows per minute
 * are bounded whatever an attacker varies, and rows older than
 * {@code klantreis.toegang.bewaartermijn} are removed. Meters: {@code klantreis.toegang.weigeringen}
 * (every refusal, by soort), {@code klantreis.toegang.samengevoegd} (counted into an existing row),
 * {@code klantreis.toegang.overloop} (details dropped into the overflow row),
 * {@code klantreis.toegang.verloren} (lost: the database write failed).
 */
@Component
@DependsOn("flywayInitializer")
class Toegangslog implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(Toegangslog.class);
    static final String OVERLOOP = "overloop";

    private static final String TOEVOEGEN = "insert into toegangsweigering (minuut, sleutel, eerste, laatste, aantal,"
            + " soort, status, reden, actor, rol, adres, methode, pad, object, trace_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (minuut, sleutel) do update set aantal = toegangsweigering.aantal + excluded.aantal,"
            + " laatste = greatest(toegangsweigering.laatste, excluded.laatste)";

    /**
     * One refusal as reported. Never a personal number: {@code actor} is a token's subject,
     * {@code object} a pseudonymous klantId or a zaak's UUID, {@code pad} a route template.
     */
    record Weigering(Instant tijdstip, String soort, int status, String reden, String actor, String rol,
                            String adres, String methode, String pad, String object, String traceId) {
        Weigering {
            Objects.requireNonNull(tijdstip, "tijdstip");
            Objects.requireNonNull(soort, "soort");
            Objects.requireNonNull(reden, "reden");
            Objects.requireNonNull(methode, "methode");
            Objects.requireNonNull(pad, "pad");
            Objects.requireNonNull(traceId, "traceId");
        }
    }

    /** What makes two refusals the same row. */
    private record Sleutel(Instant minuut, String soort, int status, String reden, String actor, String rol,
                           String adres, String methode, String pad, String object) {
        static Sleutel van(Weigering w) {
            return new Sleutel(w.tijdstip().truncatedTo(ChronoUnit.MINUTES), w.soort(), w.status(), w.reden(),
                    w.actor(), w.rol(), w.adres(), w.methode(), w.pad(), w.object());
        }

        Sleutel overloop() {
            return new Sleutel(minuut, soort, status, OVERLOOP, null, null, null, "*", "*", null);
        }

        String hash() {
            String tekst = String.join("\u0000", soort, Integer.toString(status), reden, String.valueOf(actor),
                    String.valueOf(rol), String.valueOf(adres), methode, pad, String.valueOf(object));
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(tekst.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Telling {
        final Instant eerste;
        final String traceId;
        final AtomicLong aantal = new AtomicLong();
        volatile Instant laatste;

        Telling(Instant eerste, String traceId) {
            this.eerste = eerste;
            this.laatste = eerste;
            this.traceId = traceId;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock klok;
    private final int perMinuut;
    private final Duration bewaartermijn;
    private final ScheduledExecutorService schrijver;
    // meld() holds the read lock while counting; the writer takes the write lock only to swap maps.
    private final ReentrantReadWriteLock wissel = new ReentrantReadWriteLock();
    private volatile Map<Sleutel, Telling> open = new ConcurrentHashMap<>();
    /** The distinct rows of the current minute so far, to bound them. */
    private volatile Instant huidigeMinuut = Instant.EPOCH;
    private volatile Set<Sleutel> dezeMinuut = ConcurrentHashMap.newKeySet();
    private volatile Instant laatstOpgeruimd = Instant.EPOCH;

    private final MeterRegistry meters;
    private final Counter samengevoegd;
    private final Counter overloop;
    private final Counter verloren;

    @Autowired
    Toegangslog(DataSource dataSource, MeterRegistry meters, ObjectProvider<Clock> klok,
                @Value("${klantreis.toegang.interval:1s}") Duration interval,
                @Value("${klantreis.toegang.per-minuut:100}") int perMinuut,
                @Value("${klantreis.toegang.bewaartermijn:90d}") Duration bewaartermijn) {
        this(dataSource, meters, klok.getIfAvailable(Clock::systemUTC), interval, perMinuut, bewaartermijn);
    }

    Toegangslog(DataSource dataSource, MeterRegistry meters, Clock klok, Duration interval, int perMinuut,
                Duration bewaartermijn) {
        if (perMinuut < 1 || interval.isNegative() || interval.isZero() || bewaartermijn.isNegative()
                || bewaartermijn.isZero()) {
            throw new IllegalArgumentException("klantreis.toegang.*: interval en bewaartermijn > 0, per-minuut >= 1");
        }
        this.jdbc = new JdbcTemplate(dataSource);
        this.klok = klok;
        this.perMinuut = perMinuut;
        this.bewaartermijn = bewaartermijn;
        this.meters = meters;
        this.samengevoegd = Counter.builder("klantreis.toegang.samengevoegd")
                .description("Refusals counted into a row of an identical one in the same minute").register(meters);
        this.overloop = Counter.builder("klantreis.toegang.overloop")
                .description("Refusals beyond the distinct rows per minute: counted without their details")
                .register(meters);
        this.verloren = Counter.builder("klantreis.toegang.verloren")
                .description("Refusals not stored: the write to the security log failed").register(meters);
        this.schrijver = Executors.newSingleThreadScheduledExecutor(taak -> {
            Thread draad = new Thread(taak, "toegangslog");
            draad.setDaemon(true);
            return draad;
        });
        schrijver.scheduleWithFixedDelay(this::schrijfVeilig, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Counts a refusal; stored within the interval. Cheap, never blocks on the database, never throws. */
    void meld(Weigering weigering) {
        Counter.builder("klantreis.toegang.weigeringen").tag("soort", weigering.soort())
                .description("Refused and denied accesses reported to the security log").register(meters).increment();
        Sleutel sleutel = Sleutel.van(weigering);
        wissel.readLock().lock();
        try {
            if (!sleutel.minuut().equals(huidigeMinuut)) {
                nieuweMinuut(sleutel.minuut());
            }
            Map<Sleutel, Telling> tellingen = open;
            Telling telling = tellingen.get(sleutel);
            if (telling == null && !dezeMinuut.contains(sleutel)) {
                if (dezeMinuut.size() >= perMinuut) {
                    overloop.increment();
                    sleutel = sleutel.overloop();
                } else {
                    dezeMinuut.add(sleutel);
                }
            } else {
                samengevoegd.increment();
            }
            Telling nieuw = tellingen.computeIfAbsent(sleutel, s -> new Telling(weigering.tijdstip(), weigering.traceId()));
            nieuw.aantal.incrementAndGet();
            if (weigering.tijdstip().isAfter(nieuw.laatste)) {
                nieuw.laatste = weigering.tijdstip();
            }
        } finally {
            wissel.readLock().unlock();
        }
    }

    private synchronized void nieuweMinuut(Instant minuut) {
        if (minuut.isAfter(huidigeMinuut)) {
            huidigeMinuut = minuut;
            dezeMinuut = ConcurrentHashMap.newKeySet();
        }
    }

    /** Stores everything counted so far (the writer thread's work; a test may call it to not wait). */
    synchronized void schrijfWeg() {
        Map<Sleutel, Telling> tellingen;
        wissel.writeLock().lock();
        try {
            tellingen = open;
            open = new ConcurrentHashMap<>();
        } finally {
            wissel.writeLock().unlock();
        }
        if (!tellingen.isEmpty()) {
            List<Object[]> rijen = new ArrayList<>(tellingen.size());
            long aantal = 0;
            for (Map.Entry<Sleutel, Telling> regel : tellingen.entrySet()) {
                Sleutel s = regel.getKey();
                Telling t = regel.getValue();
                aantal += t.aantal.get();
                rijen.add(new Object[] {Timestamp.from(s.minuut()), s.hash(), Timestamp.from(t.eerste),
                        Timestamp.from(t.laatste), t.aantal.get(), s.soort(), s.status(), s.reden(), s.actor(), s.rol(),
                        s.adres(), s.methode(), s.pad(), s.object(), t.traceId});
            }
            try {
                jdbc.batchUpdate(TOEVOEGEN, rijen);
            } catch (RuntimeException e) {
                verloren.increment(aantal);
                LOG.warn("{} toegangsweigeringen niet opgeslagen: {}", aantal, e.toString());
            }
        }
        ruimOp();
    }

    private void ruimOp() {
        Instant nu = klok.instant();
        if (Duration.between(laatstOpgeruimd, nu).compareTo(Duration.ofHours(1)) < 0) {
            return;
        }
        laatstOpgeruimd = nu;
        int weg = jdbc.update("delete from toegangsweigering where minuut < ?", Timestamp.from(nu.minus(bewaartermijn)));
        if (weg > 0) {
            LOG.info("{} toegangsweigeringen ouder dan {} verwijderd", weg, bewaartermijn);
        }
    }

    private void schrijfVeilig() {
        try {
            schrijfWeg();
        } catch (RuntimeException e) {
            LOG.warn("toegangslog: {}", e.toString());
        }
    }

    /** Rows waiting in memory (bounded by per-minuut plus the overflow rows). */
    int open() {
        return open.size();
    }

    @Override
    public void destroy() {
        schrijver.shutdown();
        try {
            schrijver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        schrijfVeilig();
    }
}
