package nl.klantreis.api.benchmark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The yardstick: what the same PostgreSQL does with plain JDBC batch inserts of rows shaped like
 * the engine's stored events, into a table shaped like {@code domainevententry} (same columns,
 * same primary key from a sequence of its own, same two unique constraints), with the average
 * sizes measured from the engine's own rows. Nothing is judged, encrypted or event-sourced: it
 * is the ceiling the engine's storage cannot beat.
 */
final class RuweOpslag {
    static final String TABEL = "benchmark.domainevententry";
    /** Shaped like the engine's dedup table {@code ontvangen_bericht} (V1). */
    static final String ONTVANGEN = "benchmark.ontvangen_bericht";

    private static final long POSTGRES_EPOCH_MS = java.time.Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

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

    /**
     * The dedup rows of {@code ontvangen_bericht} that go with the events: one per accepted message,
     * {@code perEvent} of them per event row, with the measured average sizes.
     */
    record Berichtvorm(double perEvent, double bron, double berichtId, double type) {
    }

    /** The average shape of the engine's dedup rows, and how many there are per stored event. */
    Berichtvorm meetOntvangen() throws SQLException {
        try (Connection c = verbinding(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select count(*)::float8 / greatest(1, (select count(*) from domainevententry)),
                            avg(octet_length(bron)), avg(octet_length(bericht_id)), avg(octet_length(type))
                     from ontvangen_bericht""")) {
            r.next();
            return new Berichtvorm(r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getDouble(4));
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

    /**
     * Empty tables shaped exactly like the engine's {@code domainevententry} and
     * {@code ontvangen_bericht} as its migrations left them (columns, key, unique constraints and
     * any other index), in a schema of their own; the event table's global index from a sequence of
     * its own, so the engine's is never advanced. Needs the engine's schema: call it after the
     * engine has started.
     */
    void maakTabel() throws SQLException {
        try (Connection c = verbinding(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists benchmark");
            s.execute("drop table if exists " + TABEL);
            s.execute("drop table if exists " + ONTVANGEN);
            s.execute("drop sequence if exists benchmark.global_index_seq");
            s.execute("create sequence benchmark.global_index_seq as bigint start with 1 increment by 1 no cycle");
            s.execute("create table " + TABEL + " (like public.domainevententry including constraints including indexes)");
            s.execute("alter table " + TABEL + " alter column globalindex set default nextval('benchmark.global_index_seq')");
            s.execute("create table " + ONTVANGEN + " (like public.ontvangen_bericht including all)");
        }
    }

    /**
     * Inserts {@code rijen} rows in transactions of {@code perTransactie}, from {@code verbindingen}
     * connections at once, with JDBC batch inserts; returns the seconds it took.
     */
    double voegIn(long rijen, int perTransactie, int verbindingen, Rijvorm vorm, long zaad) throws Exception {
        return voegIn(rijen, perTransactie, verbindingen, vorm, null, zaad);
    }

    /** As {@link #voegIn(long, int, int, Rijvorm, long)}, with each transaction also its dedup rows ({@code berichten}; null: none). */
    double voegIn(long rijen, int perTransactie, int verbindingen, Rijvorm vorm, Berichtvorm berichten, long zaad)
            throws Exception {
        return parallel(rijen, perTransactie, verbindingen, vorm, berichten, zaad, this::voegInVanuitEenVerbinding);
    }

    /**
     * The same rows as {@link #voegIn}, but each transaction one {@code COPY ... FROM STDIN (FORMAT
     * binary)}: PostgreSQL's fastest way to take rows in, no statement per row, no text parsing of
     * the bytea. Returns the seconds it took.
     */
    double kopieer(long rijen, int perTransactie, int verbindingen, Rijvorm vorm, Berichtvorm berichten, long zaad)
            throws Exception {
        return parallel(rijen, perTransactie, verbindingen, vorm, berichten, zaad, this::kopieerVanuitEenVerbinding);
    }

    @FunctionalInterface
    private interface Schrijver {
        void schrijf(AtomicLong over, int perTransactie, Rijmaker rijen) throws SQLException, IOException;
    }

    private double parallel(long rijen, int perTransactie, int verbindingen, Rijvorm vorm, Berichtvorm berichten,
                            long zaad, Schrijver schrijver) throws Exception {
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
                Rijmaker maker = new Rijmaker(vorm, berichten, zaad * 31 + v);
                klaar.add(pool.submit(() -> {
                    schrijver.schrijf(over, perTransactie, maker);
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

    /** The rows of one connection: random payloads and ids of the measured sizes, aggregates of the measured length. */
    private static final class Rijmaker {
        private final SplittableRandom rng;
        private final int payload;
        private final int metadata;
        private final String type;
        private final String payloadType;
        private final String revisie;
        private final String tijdstip;
        private final int aggregaatLengte;
        private final int perAggregaat;
        private final Berichtvorm berichten;
        private final String bron;
        private final String berichttype;
        private String aggregaat;
        private int volgnummer;
        private double berichtenTegoed;

        Rijmaker(Rijvorm vorm, Berichtvorm berichten, long zaad) {
            rng = new SplittableRandom(zaad);
            payload = (int) Math.round(vorm.payload());
            metadata = (int) Math.round(vorm.metadata());
            type = tekst('K', (int) Math.round(vorm.type()));
            payloadType = tekst('n', (int) Math.round(vorm.payloadType()));
            revisie = vorm.revisie() < 0.5 ? null : tekst('1', (int) Math.round(vorm.revisie()));
            tijdstip = tekst('2', (int) Math.round(vorm.tijdstip()));
            aggregaatLengte = (int) Math.round(vorm.aggregaatId());
            perAggregaat = Math.max(1, (int) Math.round(vorm.eventsPerAggregaat()));
            volgnummer = perAggregaat;
            this.berichten = berichten;
            bron = berichten == null ? null : tekst('u', (int) Math.round(berichten.bron()));
            berichttype = berichten == null ? null : tekst('t', (int) Math.round(berichten.type()));
        }

        /** The dedup rows that go with {@code events} event rows (none without a Berichtvorm). */
        int berichtenBij(int events) {
            if (berichten == null) {
                return 0;
            }
            berichtenTegoed += events * berichten.perEvent();
            int aantal = (int) berichtenTegoed;
            berichtenTegoed -= aantal;
            return aantal;
        }

        String berichtId() {
            String id = new UUID(rng.nextLong(), rng.nextLong()).toString();
            int lengte = (int) Math.round(berichten.berichtId());
            return lengte <= id.length() ? id.substring(0, Math.max(1, lengte)) : id + tekst('x', lengte - id.length());
        }

        /** Moves to the next row: a new aggregate every {@code perAggregaat} rows. */
        void volgende() {
            if (volgnummer >= perAggregaat - 1) {
                aggregaat = aggregaatId(rng, aggregaatLengte);
                volgnummer = 0;
            } else {
                volgnummer++;
            }
        }

        byte[] bytes(int lengte) {
            byte[] b = new byte[lengte];
            rng.nextBytes(b);
            return b;
        }

        String eventId() {
            return new UUID(rng.nextLong(), rng.nextLong()).toString();
        }
    }

    private void voegInVanuitEenVerbinding(AtomicLong over, int perTransactie, Rijmaker rij) throws SQLException {
        try (Connection c = verbinding(); PreparedStatement insert = c.prepareStatement("insert into " + TABEL
                + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision,"
                + " payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement ontvangen = c.prepareStatement("insert into " + ONTVANGEN
                     + " (bron, bericht_id, type, ontvangen_op) values (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            while (true) {
                long genomen = over.getAndAdd(-perTransactie);
                if (genomen <= 0) {
                    break;
                }
                int deze = (int) Math.min(perTransactie, genomen);
                for (int i = 0; i < deze; i++) {
                    rij.volgende();
                    insert.setString(1, rij.aggregaat);
                    insert.setLong(2, rij.volgnummer);
                    insert.setString(3, rij.type);
                    insert.setString(4, rij.eventId());
                    insert.setBytes(5, rij.bytes(rij.metadata));
                    insert.setBytes(6, rij.bytes(rij.payload));
                    insert.setString(7, rij.revisie);
                    insert.setString(8, rij.payloadType);
                    insert.setString(9, rij.tijdstip);
                    insert.addBatch();
                }
                insert.executeBatch();
                int dedup = rij.berichtenBij(deze);
                if (dedup > 0) {
                    Timestamp nu = new Timestamp(System.currentTimeMillis());
                    for (int i = 0; i < dedup; i++) {
                        ontvangen.setString(1, rij.bron);
                        ontvangen.setString(2, rij.berichtId());
                        ontvangen.setString(3, rij.berichttype);
                        ontvangen.setTimestamp(4, nu);
                        ontvangen.addBatch();
                    }
                    ontvangen.executeBatch();
                }
                c.commit();
            }
        }
    }

    private void kopieerVanuitEenVerbinding(AtomicLong over, int perTransactie, Rijmaker rij)
            throws SQLException, IOException {
        // The texts that are the same in every row, encoded once.
        byte[] type = utf8(rij.type);
        byte[] revisie = rij.revisie == null ? null : utf8(rij.revisie);
        byte[] payloadType = utf8(rij.payloadType);
        byte[] tijdstip = utf8(rij.tijdstip);
        byte[] bron = rij.bron == null ? null : utf8(rij.bron);
        byte[] berichttype = rij.berichttype == null ? null : utf8(rij.berichttype);
        try (Connection c = verbinding()) {
            c.setAutoCommit(false);
            CopyManager kopie = c.unwrap(PGConnection.class).getCopyAPI();
            while (true) {
                long genomen = over.getAndAdd(-perTransactie);
                if (genomen <= 0) {
                    break;
                }
                int deze = (int) Math.min(perTransactie, genomen);
                kopieer(kopie, "copy " + TABEL + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                        + " payload, payloadrevision, payloadtype, timestamp) from stdin (format binary)", uit -> {
                    for (int i = 0; i < deze; i++) {
                        rij.volgende();
                        uit.writeShort(9);
                        veld(uit, utf8(rij.aggregaat));
                        uit.writeInt(8);
                        uit.writeLong(rij.volgnummer);
                        veld(uit, type);
                        veld(uit, utf8(rij.eventId()));
                        veld(uit, rij.bytes(rij.metadata));
                        veld(uit, rij.bytes(rij.payload));
                        veld(uit, revisie);
                        veld(uit, payloadType);
                        veld(uit, tijdstip);
                    }
                });
                int dedup = rij.berichtenBij(deze);
                if (dedup > 0) {
                    // timestamptz in binary: microseconds since 2000-01-01 UTC.
                    long microseconden = (System.currentTimeMillis() - POSTGRES_EPOCH_MS) * 1_000;
                    kopieer(kopie, "copy " + ONTVANGEN + " (bron, bericht_id, type, ontvangen_op) from stdin (format binary)",
                            uit -> {
                                for (int i = 0; i < dedup; i++) {
                                    uit.writeShort(4);
                                    veld(uit, bron);
                                    veld(uit, utf8(rij.berichtId()));
                                    veld(uit, berichttype);
                                    uit.writeInt(8);
                                    uit.writeLong(microseconden);
                                }
                            });
                }
                c.commit();
            }
        }
    }

    /** Writes rows in the binary COPY format: per row the number of fields, then each field. */
    @FunctionalInterface
    private interface Binairerijen {
        void schrijf(DataOutputStream uit) throws IOException;
    }

    /**
     * One {@code COPY ... FROM STDIN (FORMAT binary)}: the header (signature, flags, header extension
     * length), the rows, -1 at the end.
     */
    private static void kopieer(CopyManager kopie, String opdracht, Binairerijen rijen) throws SQLException, IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
        DataOutputStream uit = new DataOutputStream(buffer);
        uit.writeBytes("PGCOPY\n\377\r\n\0");
        uit.writeInt(0);
        uit.writeInt(0);
        rijen.schrijf(uit);
        uit.writeShort(-1);
        uit.flush();
        kopie.copyIn(opdracht, new ByteArrayInputStream(buffer.toByteArray()));
    }

    private static byte[] utf8(String tekst) {
        return tekst.getBytes(StandardCharsets.UTF_8);
    }

    private static void veld(DataOutputStream uit, byte[] waarde) throws IOException {
        if (waarde == null) {
            uit.writeInt(-1);
        } else {
            uit.writeInt(waarde.length);
            uit.write(waarde);
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
