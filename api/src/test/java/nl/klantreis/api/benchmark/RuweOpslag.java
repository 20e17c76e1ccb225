package nl.klantreis.api.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The yardstick: what the same PostgreSQL does with plain JDBC batch inserts of rows shaped like
 * the engine's stored events, into a table shaped like {@code domainevententry} (same columns,
 * same primary key from a sequence of its own, same two unique constraints), with the average
 * sizes measured from the engine's own rows. Nothing is judged, encrypted or event-sourced: it
 * is the ceiling the engine's storage cannot beat.
 */
final class RuweOpslag {
    static final String TABEL = "benchmark.domainevententry";

    private final String url;
    private final String gebruiker;
    private final String wachtwoord;

    RuweOpslag(String url, String gebruiker, String wachtwoord) {
        this.url = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        this.gebruiker = gebruiker;
        this.wachtwoord = wachtwoord;
    }

    /** The average shape of a stored event, measured from the engine's table. */
    record Rijvorm(long rijen, long aggregaten, double payload, double metadata, double aggregaatId, double eventId,
                   double type, double payloadType, double revisie, double tijdstip) {
        double eventsPerAggregaat() {
            return aggregaten == 0 ? 1 : (double) rijen / aggregaten;
        }
    }

    Rijvorm meet(String tabel) throws SQLException {
        try (Connection c = verbinding(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select count(*), count(distinct aggregateidentifier),
                            avg(octet_length(payload)), avg(coalesce(octet_length(metadata), 0)),
                            avg(octet_length(aggregateidentifier)), avg(octet_length(eventidentifier)),
                            avg(coalesce(octet_length(type), 0)), avg(octet_length(payloadtype)),
                            avg(coalesce(octet_length(payloadrevision), 0)), avg(octet_length(timestamp))
                     from\s""" + tabel)) {
            r.next();
            return new Rijvorm(r.getLong(1), r.getLong(2), r.getDouble(3), r.getDouble(4), r.getDouble(5),
                    r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getDouble(9), r.getDouble(10));
        }
    }

    /** The same DDL as the engine's V1 migration, in a schema of its own, with its own sequence. */
    void maakTabel() throws SQLException {
        try (Connection c = verbinding(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists benchmark");
            s.execute("drop table if exists " + TABEL);
            s.execute("drop sequence if exists benchmark.global_index_seq");
            s.execute("create sequence benchmark.global_index_seq as bigint start with 1 increment by 1 no cycle");
            s.execute("""
                    create table benchmark.domainevententry (
                        globalindex         bigint       not null default nextval('benchmark.global_index_seq'),
                        aggregateidentifier varchar(255) not null,
                        sequencenumber      bigint       not null,
                        type                varchar(255),
                        eventidentifier     varchar(255) not null,
                        metadata            bytea,
                        payload             bytea        not null,
                        payloadrevision     varchar(255),
                        payloadtype         varchar(255) not null,
                        timestamp           varchar(255) not null,
                        constraint benchmark_dee_pkey primary key (globalindex),
                        constraint benchmark_dee_aggregate_sequence unique (aggregateidentifier, sequencenumber),
                        constraint benchmark_dee_eventidentifier unique (eventidentifier)
                    )""");
        }
    }

    /**
     * Inserts {@code rijen} rows in transactions of {@code perTransactie}, from {@code verbindingen}
     * connections at once; returns the seconds it took.
     */
    double voegIn(long rijen, int perTransactie, int verbindingen, Rijvorm vorm, long zaad) throws Exception {
        AtomicLong over = new AtomicLong(rijen);
        ExecutorService pool = Executors.newFixedThreadPool(verbindingen, taak -> {
            Thread draad = new Thread(taak, "ruw-invoegen");
            draad.setDaemon(true);
            return draad;
        });
        long start = System.nanoTime();
        try {
            List<Future<?>> klaar = new ArrayList<>();
            for (int v = 0; v < verbindingen; v++) {
                long eigenZaad = zaad * 31 + v;
                klaar.add(pool.submit(() -> {
                    voegInVanuitEenVerbinding(over, perTransactie, vorm, eigenZaad);
                    return null;
                }));
            }
            for (Future<?> f : klaar) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void voegInVanuitEenVerbinding(AtomicLong over, int perTransactie, RuweOpslag.Rijvorm vorm, long zaad)
            throws SQLException {
        SplittableRandom rng = new SplittableRandom(zaad);
        int payload = (int) Math.round(vorm.payload());
        int metadata = (int) Math.round(vorm.metadata());
        String type = tekst('K', (int) Math.round(vorm.type()));
        String payloadType = tekst('n', (int) Math.round(vorm.payloadType()));
        String revisie = vorm.revisie() < 0.5 ? null : tekst('1', (int) Math.round(vorm.revisie()));
        String tijdstip = tekst('2', (int) Math.round(vorm.tijdstip()));
        int aggregaatLengte = (int) Math.round(vorm.aggregaatId());
        int perAggregaat = Math.max(1, (int) Math.round(vorm.eventsPerAggregaat()));
        try (Connection c = verbinding(); PreparedStatement insert = c.prepareStatement("insert into " + TABEL
                + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision,"
                + " payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            String aggregaat = null;
            int volgnummer = perAggregaat;
            while (true) {
                long genomen = over.getAndAdd(-perTransactie);
                if (genomen <= 0) {
                    break;
                }
                int deze = (int) Math.min(perTransactie, genomen);
                for (int i = 0; i < deze; i++) {
                    if (volgnummer >= perAggregaat) {
                        aggregaat = aggregaatId(rng, aggregaatLengte);
                        volgnummer = 0;
                    }
                    byte[] inhoud = new byte[payload];
                    rng.nextBytes(inhoud);
                    byte[] meta = new byte[metadata];
                    rng.nextBytes(meta);
                    insert.setString(1, aggregaat);
                    insert.setLong(2, volgnummer++);
                    insert.setString(3, type);
                    insert.setString(4, new UUID(rng.nextLong(), rng.nextLong()).toString());
                    insert.setBytes(5, meta);
                    insert.setBytes(6, inhoud);
                    insert.setString(7, revisie);
                    insert.setString(8, payloadType);
                    insert.setString(9, tijdstip);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            }
        }
    }

    long aantalRijen(String tabel) throws SQLException {
        try (Connection c = verbinding(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from " + tabel)) {
            r.next();
            return r.getLong(1);
        }
    }

    String instelling(String naam) throws SQLException {
        try (Connection c = verbinding(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("show " + naam)) {
            r.next();
            return r.getString(1);
        }
    }

    Connection verbinding() throws SQLException {
        return DriverManager.getConnection(url, gebruiker, wachtwoord);
    }

    private static String aggregaatId(SplittableRandom rng, int lengte) {
        StringBuilder id = new StringBuilder(lengte);
        for (int i = 0; i < lengte; i++) {
            id.append("0123456789abcdefghijklmnopqrstuvwxyz".charAt(rng.nextInt(36)));
        }
        return id.toString();
    }

    private static String tekst(char teken, int lengte) {
        return String.valueOf(teken).repeat(Math.max(0, lengte));
    }
}
