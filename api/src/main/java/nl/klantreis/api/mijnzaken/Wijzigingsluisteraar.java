package nl.klantreis.api.mijnzaken;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import nl.klantreis.projecties.leesmodel.Documentprojectie;
import nl.klantreis.projecties.mijnzaken.MijnZakenLeesregels;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Hears, on every node, which zaken the MijnZaken projection has changed, whichever node's
 * processor changed them: one dedicated PostgreSQL connection (not one of the pool's: it stays
 * busy listening for as long as the node runs) does {@code LISTEN leesmodel_mijnzaken}, and a
 * daemon thread waits for the notifications that the projection sends with {@code pg_notify} in
 * the transaction that writes a zaak. PostgreSQL delivers those only after that commit, so a
 * {@link LiveWijziging} always names a state that a read can already see.
 *
 * <p>When the connection breaks, notifications sent meanwhile are lost: the thread reconnects
 * with backoff (100 ms doubling to 5 s) and then publishes {@link LiveWijziging#HERSYNCHRONISATIE},
 * on which every open stream reads its zaak again. The projection sends the same signal (payload
 * {@code *}) when a node switches to a rebuilt generation. A quiet connection is checked with a
 * {@code SELECT 1} every {@code klantreis.live.controle} (default 10 s), so a silently dead one
 * does not go unnoticed.
 *
 * <p>Everything heard goes into one hot multicast sink; {@link #wijzigingen(String)} gives a
 * stream its zaak's share. A subscriber that does not keep up loses elements (best effort):
 * streams therefore take them with unbounded demand and coalesce themselves.
 */
@Component
class Wijzigingsluisteraar implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Wijzigingsluisteraar.class);
    private static final Duration EERSTE_WACHTTIJD = Duration.ofMillis(100);
    private static final Duration LANGSTE_WACHTTIJD = Duration.ofSeconds(5);

    private final String kanaal = Documentprojectie.kanaal(MijnZakenLeesregels.NAAM);
    private final DataSource database;
    private final int wachtMs;
    private final long controleNanos;
    private final Sinks.Many<LiveWijziging> wijzigingen = Sinks.many().multicast().directBestEffort();
    private final Sinks.Empty<Void> einde = Sinks.empty();
    private final AtomicInteger verbonden = new AtomicInteger();
    private final Counter meldingen;
    private final Counter herverbindingen;
    private final Object slot = new Object();
    private volatile boolean actief;
    private Thread draad;

    Wijzigingsluisteraar(DataSource database, MeterRegistry meters,
                                @Value("${klantreis.live.luister-ms:500}") int wachtMs,
                                @Value("${klantreis.live.controle:10s}") Duration controle) {
        this.database = Objects.requireNonNull(database, "database");
        this.wachtMs = wachtMs;
        this.controleNanos = controle.toNanos();
        this.meldingen = Counter.builder("klantreis.live.meldingen")
                .description("Change notifications of the MijnZaken read model heard by this node (after commit)")
                .register(meters);
        this.herverbindingen = Counter.builder("klantreis.live.herverbindingen")
                .description("Times the listening connection was lost and made again (each followed by a resync)")
                .register(meters);
        Gauge.builder("klantreis.live.luisteraar.verbonden", verbonden, AtomicInteger::get)
                .description("1 while this node listens for changes of the MijnZaken read model, 0 while it reconnects")
                .register(meters);
    }

    /** The changes of one zaak, and every resync signal; hot, from the moment of subscription. */
    Flux<LiveWijziging> wijzigingen(String zaakId) {
        return wijzigingen.asFlux().filter(w -> w.hersynchronisatie() || w.zaakId().equals(zaakId));
    }

    /** Completes when this node stops listening (shutdown): open streams end then, so the server can stop. */
    Mono<Void> gestopt() {
        return einde.asMono();
    }

    /** Subscribers to the changes right now (open streams): to see that closed streams let go. */
    int abonnees() {
        return wijzigingen.currentSubscriberCount();
    }

    @Override
    public void start() {
        synchronized (slot) {
            if (actief) {
                return;
            }
            actief = true;
            draad = new Thread(this::luister, "wijzigingsluisteraar");
            draad.setDaemon(true);
            draad.start();
        }
    }

    @Override
    public void stop() {
        Thread oud;
        synchronized (slot) {
            actief = false;
            oud = draad;
            draad = null;
        }
        if (oud != null) {
            // The thread closes its own connection (a JDBC connection is not for two threads) once
            // getNotifications returns, within wachtMs; interrupt ends a backoff pause.
            oud.interrupt();
            try {
                oud.join(wachtMs + 2_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        einde.tryEmitEmpty();
        wijzigingen.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    @Override
    public boolean isRunning() {
        return actief;
    }

    private void luister() {
        Duration wachttijd = EERSTE_WACHTTIJD;
        boolean eerder = false;
        while (actief) {
            try (Connection nieuw = verbind()) {
                try (Statement opdracht = nieuw.createStatement()) {
                    opdracht.execute("LISTEN " + kanaal);
                }
                verbonden.set(1);
                if (eerder) {
                    herverbindingen.increment();
                    LOG.info("luisteren naar {} hersteld; open stromen lezen hun zaak opnieuw", kanaal);
                }
                // Whatever was sent while nobody listened is lost: every stream reads its zaak again.
                // (Also on the first connection: a stream may have opened before it.)
                wijzigingen.tryEmitNext(LiveWijziging.HERSYNCHRONISATIE);
                eerder = true;
                wachttijd = EERSTE_WACHTTIJD;
                ontvang(nieuw);
            } catch (SQLException | RuntimeException fout) {
                verbonden.set(0);
                if (!actief) {
                    break;
                }
                LOG.warn("luisteren naar {} onderbroken ({}); opnieuw over {} ms", kanaal, fout.getMessage(),
                        wachttijd.toMillis());
                try {
                    Thread.sleep(wachttijd.toMillis());
                } catch (InterruptedException e) {
                    break;
                }
                wachttijd = wachttijd.multipliedBy(2).compareTo(LANGSTE_WACHTTIJD) > 0
                        ? LANGSTE_WACHTTIJD : wachttijd.multipliedBy(2);
            } finally {
                verbonden.set(0);
            }
        }
    }

    private void ontvang(Connection verbinding) throws SQLException {
        PGConnection pg = verbinding.unwrap(PGConnection.class);
        long stilSinds = System.nanoTime();
        while (actief) {
            PGNotification[] binnen = pg.getNotifications(wachtMs);
            long ontvangen = System.nanoTime();
            if (binnen == null || binnen.length == 0) {
                if (ontvangen - stilSinds > controleNanos) {
                    try (Statement opdracht = verbinding.createStatement()) {
                        opdracht.execute("SELECT 1");
                    }
                    stilSinds = ontvangen;
                }
                continue;
            }
            stilSinds = ontvangen;
            for (PGNotification melding : binnen) {
                LiveWijziging wijziging = LiveWijziging.uit(melding.getParameter(), ontvangen);
                if (wijziging == null) {
                    LOG.warn("onleesbare melding op {} genegeerd", kanaal);
                    continue;
                }
                meldingen.increment();
                wijzigingen.tryEmitNext(wijziging);
            }
        }
    }

    /**
     * A connection of its own, made with the pool's address and credentials; only when the data
     * source is no Hikari pool, one taken from it (and held).
     */
    private Connection verbind() throws SQLException {
        HikariDataSource hikari = database instanceof HikariDataSource h ? h
                : database.isWrapperFor(HikariDataSource.class) ? database.unwrap(HikariDataSource.class) : null;
        if (hikari == null) {
            return database.getConnection();
        }
        Properties eigenschappen = new Properties();
        if (hikari.getUsername() != null) {
            eigenschappen.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            eigenschappen.setProperty("password", hikari.getPassword());
        }
        eigenschappen.setProperty("ApplicationName", "klantreis-wijzigingsluisteraar");
        eigenschappen.setProperty("tcpKeepAlive", "true");
        eigenschappen.setProperty("connectTimeout", "10");
        Connection nieuw = DriverManager.getConnection(hikari.getJdbcUrl(), eigenschappen);
        nieuw.setAutoCommit(true);
        return nieuw;
    }
}
