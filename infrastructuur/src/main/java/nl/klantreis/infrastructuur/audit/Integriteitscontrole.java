package nl.klantreis.infrastructuur.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Proof that the audit log is whole: walks every chain of both tables (ADR 0029: chain 0, and as
 * many more as writers have used) in volgnummer order, recomputes every hash ({@link Ketenhash})
 * and reports the first break. The chains walked are those with a head in {@code auditketen}, those
 * with records, those a check goes on from, and chain 0 always: a chain whose head was removed, or
 * that vanished with its head after a check had seen it, is a break. Rows are streamed (a server cursor of
 * {@value #PER_KEER} rows at a time), so memory stays constant however long the log; the whole
 * walk reads one snapshot, so records committed meanwhile are not half seen. Blocking: call it off
 * the event loop.
 */
@Component
public class Integriteitscontrole {
    public static final int PER_KEER = 2_000;
    /** The two tables, as named in {@code auditketen}. */
    public static final String VERWERKING = "verwerking";
    public static final String GEBRUIKERSAUDIT = "gebruikersaudit";

    private static final String VERWERKINGEN = "select volgnummer, trace_id, span_id, tijdstip, activiteit, doel,"
            + " grondslag, betrokkene, resultaat, vorige_hash, hash from verwerking where keten = ? and volgnummer > ?"
            + " order by volgnummer";
    private static final String GEBRUIKERSAUDITS = "select volgnummer, trace_id, span_id, tijdstip, activiteit, actor,"
            + " rol, organisatieonderdeel, vorige_hash, hash from gebruikersaudit where keten = ? and volgnummer > ?"
            + " order by volgnummer";
    /** The chains that hold records, by skipping through the (keten, volgnummer) index: a few rows, however long the log. */
    private static final String KETENS_MET_RECORDS = "with recursive k(keten) as (select min(keten) from %1$s"
            + " union all select (select min(keten) from %1$s where keten > k.keten) from k where k.keten is not null)"
            + " select keten from k where keten is not null";

    private final DataSource dataSource;

    public Integriteitscontrole(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Told how far the walk is, every {@value #MELD_PER} records and at the end of each chain:
     * records checked so far, of the records the chains' heads announce (a tampered log may hold
     * more or fewer).
     */
    @FunctionalInterface
    public interface Voortgang {
        Voortgang GEEN = (gecontroleerd, totaal) -> {
        };

        void gecontroleerd(long records, long totaal);
    }

    static final int MELD_PER = 1_000;

    public Integriteitsrapport controleer() {
        return controleer(Voortgang.GEEN);
    }

    /**
     * A record of a chain known to be sound, from which a later check goes on: its volgnummer and its
     * hash (hex, as {@link Integriteitsrapport.Keten#laatsteHash()} gives it).
     */
    public record Ketenpunt(long volgnummer, String hash) {
        public Ketenpunt {
            Objects.requireNonNull(hash, "hash");
        }

        /** Where an intact chain of this report ends; null when it has no end to go on from. */
        public static Ketenpunt eindVan(Integriteitsrapport.Keten keten) {
            return keten.intact() && keten.laatsteHash() != null ? new Ketenpunt(keten.volgnummer(), keten.laatsteHash())
                    : null;
        }
    }

    /**
     * The name of a chain in the map of {@link #controleerVanaf}: the table's name for chain 0 (the
     * one chain before V14), {@code tabel/keten} for the others.
     */
    public static String sleutel(String tabel, int keten) {
        return keten == 0 ? tabel : tabel + "/" + keten;
    }

    /** {@link #sleutel(String, int)} of the chain of this report. */
    public static String sleutel(Integriteitsrapport.Keten keten) {
        return sleutel(keten.tabel(), keten.keten());
    }

    /**
     * Checks only what was added after these points (per chain, named by {@link #sleutel}; a chain
     * without one is walked whole), and that the record at each point is still the one that was checked: cheap enough to
     * run every minute, it finds any change to new records, a cut-off end and a replaced point. A
     * change to older records in between needs the whole walk ({@link #controleer()}).
     */
    public Integriteitsrapport controleerVanaf(Map<String, Ketenpunt> vanaf) {
        return controleer(Voortgang.GEEN, Objects.requireNonNull(vanaf, "vanaf"));
    }

    public Integriteitsrapport controleer(Voortgang voortgang) {
        return controleer(voortgang, Map.of());
    }

    private Integriteitsrapport controleer(Voortgang voortgang, Map<String, Ketenpunt> vanaf) {
        Objects.requireNonNull(voortgang, "voortgang");
        try (Connection verbinding = dataSource.getConnection()) {
            verbinding.setAutoCommit(false);
            verbinding.setReadOnly(true);
            verbinding.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Map<String, Kop> koppen = koppen(verbinding);
                Ketenhash ketenhash = new Ketenhash();
                // Volgnummers come from one sequence per table, so the highest head of a table is about
                // its number of records (less what failed groups skipped).
                long totaal = hoogste(koppen, VERWERKING) + hoogste(koppen, GEBRUIKERSAUDIT);
                Herberekening verwerkinghash = (rij, vorige, nummer) -> ketenhash.verwerking(vorige, nummer,
                        rij.getString("trace_id"), rij.getString("span_id"), tijdstip(rij),
                        rij.getString("activiteit"), rij.getString("doel"), rij.getString("grondslag"),
                        rij.getString("betrokkene"), rij.getString("resultaat"));
                Herberekening gebruikerhash = (rij, vorige, nummer) -> ketenhash.gebruikersaudit(
                        vorige, nummer, rij.getString("trace_id"), rij.getString("span_id"), tijdstip(rij),
                        rij.getString("activiteit"), rij.getString("actor"), rij.getString("rol"),
                        rij.getString("organisatieonderdeel"));
                List<Integriteitsrapport.Keten> ketens = new ArrayList<>();
                long[] gedaan = {0};
                for (String tabel : List.of(VERWERKING, GEBRUIKERSAUDIT)) {
                    for (int nummer : ketennummers(verbinding, tabel, koppen, vanaf)) {
                        long vooraf = gedaan[0];
                        Integriteitsrapport.Keten keten = keten(verbinding, tabel, nummer,
                                tabel.equals(VERWERKING) ? VERWERKINGEN : GEBRUIKERSAUDITS,
                                koppen.get(sleutel(tabel, nummer)), vanaf.get(sleutel(tabel, nummer)),
                                records -> voortgang.gecontroleerd(vooraf + records, Math.max(totaal, vooraf + records)),
                                tabel.equals(VERWERKING) ? verwerkinghash : gebruikerhash);
                        gedaan[0] += keten.records();
                        ketens.add(keten);
                    }
                }
                Integriteitsrapport.Breuk eerste = ketens.stream().map(Integriteitsrapport.Keten::eersteBreuk)
                        .filter(Objects::nonNull).findFirst().orElse(null);
                return new Integriteitsrapport(eerste == null, gedaan[0], eerste, List.copyOf(ketens));
            } finally {
                verbinding.rollback();
                verbinding.setReadOnly(false);
                verbinding.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("de integriteit van het auditlog kon niet worden gecontroleerd", e);
        }
    }

    /** The heads, by {@link #sleutel}. */
    private static Map<String, Kop> koppen(Connection verbinding) throws SQLException {
        Map<String, Kop> koppen = new HashMap<>();
        try (PreparedStatement vraag = verbinding.prepareStatement(
                "select naam, keten, volgnummer, laatste_hash from auditketen");
             ResultSet rij = vraag.executeQuery()) {
            while (rij.next()) {
                koppen.put(sleutel(rij.getString("naam"), rij.getInt("keten")),
                        new Kop(rij.getInt("keten"), rij.getLong("volgnummer"), rij.getBytes("laatste_hash")));
            }
        }
        return koppen;
    }

    private static long hoogste(Map<String, Kop> koppen, String tabel) {
        return koppen.entrySet().stream().filter(e -> e.getKey().equals(tabel) || e.getKey().startsWith(tabel + "/"))
                .mapToLong(e -> Math.max(e.getValue().volgnummer(), 0)).max().orElse(0);
    }

    /** The chains of a table to walk, in order: 0, every head, every chain with records, every point to go on from. */
    private static SortedSet<Integer> ketennummers(Connection verbinding, String tabel, Map<String, Kop> koppen,
                                                   Map<String, Ketenpunt> vanaf) throws SQLException {
        SortedSet<Integer> nummers = new TreeSet<>();
        nummers.add(0);
        koppen.forEach((sleutel, kop) -> {
            if (sleutel.equals(sleutel(tabel, kop.keten()))) {
                nummers.add(kop.keten());
            }
        });
        for (String sleutel : vanaf.keySet()) {
            if (sleutel.startsWith(tabel + "/")) {
                nummers.add(Integer.parseInt(sleutel.substring(tabel.length() + 1)));
            }
        }
        // tabel is one of our two constants, never input.
        try (PreparedStatement vraag = verbinding.prepareStatement(String.format(KETENS_MET_RECORDS, tabel));
             ResultSet rij = vraag.executeQuery()) {
            while (rij.next()) {
                nummers.add(rij.getInt(1));
            }
        }
        return nummers;
    }

    private static Integriteitsrapport.Keten keten(Connection verbinding, String tabel, int ketennummer, String sql,
                                                   Kop kop, Ketenpunt begin, java.util.function.LongConsumer gemeld,
                                                   Herberekening herberekening) throws SQLException {
        Integriteitsrapport.Breuk breuk = null;
        long records = 0;
        // The volgnummer after the last record walked (1 before the first); the numbers of one chain
        // rise but need not be consecutive (the chains interleave), so a missing record shows as a
        // record whose vorige_hash is not the hash before it, and is reported right after that one.
        long verwacht = 1;
        byte[] vorige = Ketenhash.BEGIN;
        if (begin != null && begin.volgnummer() > 0) {
            verwacht = begin.volgnummer() + 1;
            vorige = HexFormat.of().parseHex(begin.hash());
            breuk = puntNogGelijk(verbinding, tabel, ketennummer, begin, vorige);
        }
        try (PreparedStatement vraag = verbinding.prepareStatement(sql)) {
            vraag.setFetchSize(PER_KEER);
            vraag.setInt(1, ketennummer);
            vraag.setLong(2, verwacht - 1);
            try (ResultSet rij = vraag.executeQuery()) {
                while (rij.next()) {
                    records++;
                    long nummer = rij.getLong("volgnummer");
                    byte[] vorigeHash = rij.getBytes("vorige_hash");
                    byte[] hash = rij.getBytes("hash");
                    if (breuk == null) {
                        if (!Ketenhash.gelijk(vorigeHash, vorige)) {
                            breuk = new Integriteitsrapport.Breuk(tabel, ketennummer, verwacht, "verwijderd");
                        } else if (!Ketenhash.gelijk(hash, herberekening.hash(rij, vorigeHash, nummer))) {
                            breuk = new Integriteitsrapport.Breuk(tabel, ketennummer, nummer, "gewijzigd");
                        }
                    }
                    // Go on from what is stored: one changed record is one break, not a break at every record after it.
                    verwacht = nummer + 1;
                    vorige = hash == null ? Ketenhash.BEGIN : hash;
                    if (records % MELD_PER == 0) {
                        gemeld.accept(records);
                    }
                }
            }
        }
        gemeld.accept(records);
        long laatste = verwacht - 1;
        if (kop == null) {
            // The head itself removed: the chain has no end to be checked against.
            breuk = breuk != null ? breuk : new Integriteitsrapport.Breuk(tabel, ketennummer, laatste + 1, "afgekapt");
            return new Integriteitsrapport.Keten(tabel, ketennummer, records, -1, null, false, breuk);
        }
        if (breuk == null) {
            if (kop.volgnummer() > laatste) {
                breuk = new Integriteitsrapport.Breuk(tabel, ketennummer, laatste + 1, "afgekapt");
            } else if (kop.volgnummer() < laatste) {
                breuk = new Integriteitsrapport.Breuk(tabel, ketennummer, kop.volgnummer() + 1, "toegevoegd");
            } else if (!Ketenhash.gelijk(kop.hash(), vorige)) {
                breuk = new Integriteitsrapport.Breuk(tabel, ketennummer, laatste, "gewijzigd");
            }
        }
        return new Integriteitsrapport.Keten(tabel, ketennummer, records, kop.volgnummer(), Ketenhash.hex(kop.hash()),
                breuk == null, breuk);
    }

    /** The break at the point a check goes on from, if its record is gone or no longer the same. */
    private static Integriteitsrapport.Breuk puntNogGelijk(Connection verbinding, String tabel, int ketennummer,
                                                          Ketenpunt punt, byte[] hash) throws SQLException {
        // tabel is one of our two constants, never input.
        try (PreparedStatement vraag = verbinding.prepareStatement("select hash from " + tabel
                + " where volgnummer = ? and keten = ?")) {
            vraag.setLong(1, punt.volgnummer());
            vraag.setInt(2, ketennummer);
            try (ResultSet rij = vraag.executeQuery()) {
                if (!rij.next()) {
                    return new Integriteitsrapport.Breuk(tabel, ketennummer, punt.volgnummer(), "verwijderd");
                }
                return Ketenhash.gelijk(rij.getBytes("hash"), hash) ? null
                        : new Integriteitsrapport.Breuk(tabel, ketennummer, punt.volgnummer(), "gewijzigd");
            }
        }
    }

    private static java.time.Instant tijdstip(ResultSet rij) throws SQLException {
        return rij.getObject("tijdstip", OffsetDateTime.class).toInstant();
    }

    @FunctionalInterface
    private interface Herberekening {
        byte[] hash(ResultSet rij, byte[] vorigeHash, long volgnummer) throws SQLException;
    }

    private record Kop(int keten, long volgnummer, byte[] hash) {
    }
}
