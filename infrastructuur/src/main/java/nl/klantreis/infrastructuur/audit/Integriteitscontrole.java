package nl.klantreis.infrastructuur.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Proof that the audit log is whole: walks both chains in volgnummer order, recomputes every
 * hash ({@link Ketenhash}) and reports the first break. Rows are streamed (a server cursor of
 * {@value #PER_KEER} rows at a time), so memory stays constant however long the log; the whole
 * walk reads one snapshot, so records committed meanwhile are not half seen. Blocking: call it off
 * the event loop.
 */
@Component
public class Integriteitscontrole {
    public static final int PER_KEER = 2_000;
    /** The two chains, as named in {@code auditketen}. */
    public static final String VERWERKING = "verwerking";
    public static final String GEBRUIKERSAUDIT = "gebruikersaudit";

    private static final String VERWERKINGEN = "select volgnummer, trace_id, span_id, tijdstip, activiteit, doel,"
            + " grondslag, betrokkene, resultaat, vorige_hash, hash from verwerking where volgnummer > ? order by volgnummer";
    private static final String GEBRUIKERSAUDITS = "select volgnummer, trace_id, span_id, tijdstip, activiteit, actor,"
            + " rol, organisatieonderdeel, vorige_hash, hash from gebruikersaudit where volgnummer > ? order by volgnummer";

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
     * Checks only what was added after these points (per chain name; a chain without one is walked
     * whole), and that the record at each point is still the one that was checked: cheap enough to
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
                long totaal = koppen.values().stream().mapToLong(kop -> Math.max(kop.volgnummer(), 0)).sum();
                Integriteitsrapport.Keten verwerking = keten(verbinding, VERWERKING, VERWERKINGEN,
                        koppen.get(VERWERKING), vanaf.get(VERWERKING), gedaan -> voortgang.gecontroleerd(gedaan, totaal), (rij, vorige, nummer) -> ketenhash.verwerking(vorige, nummer,
                                rij.getString("trace_id"), rij.getString("span_id"), tijdstip(rij),
                                rij.getString("activiteit"), rij.getString("doel"), rij.getString("grondslag"),
                                rij.getString("betrokkene"), rij.getString("resultaat")));
                long vooraf = verwerking.records();
                Integriteitsrapport.Keten gebruiker = keten(verbinding, GEBRUIKERSAUDIT, GEBRUIKERSAUDITS,
                        koppen.get(GEBRUIKERSAUDIT), vanaf.get(GEBRUIKERSAUDIT), gedaan -> voortgang.gecontroleerd(vooraf + gedaan,
                                Math.max(totaal, vooraf + gedaan)), (rij, vorige, nummer) -> ketenhash.gebruikersaudit(
                                vorige, nummer, rij.getString("trace_id"), rij.getString("span_id"), tijdstip(rij),
                                rij.getString("activiteit"), rij.getString("actor"), rij.getString("rol"),
                                rij.getString("organisatieonderdeel")));
                Integriteitsrapport.Breuk eerste = verwerking.eersteBreuk() != null ? verwerking.eersteBreuk()
                        : gebruiker.eersteBreuk();
                return new Integriteitsrapport(eerste == null, verwerking.records() + gebruiker.records(), eerste,
                        List.of(verwerking, gebruiker));
            } finally {
                verbinding.rollback();
                verbinding.setReadOnly(false);
                verbinding.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("de integriteit van het auditlog kon niet worden gecontroleerd", e);
        }
    }

    private static Map<String, Kop> koppen(Connection verbinding) throws SQLException {
        Map<String, Kop> koppen = new HashMap<>();
        try (PreparedStatement vraag = verbinding.prepareStatement("select naam, volgnummer, laatste_hash from auditketen");
             ResultSet rij = vraag.executeQuery()) {
            while (rij.next()) {
                koppen.put(rij.getString("naam"), new Kop(rij.getLong("volgnummer"), rij.getBytes("laatste_hash")));
            }
        }
        return koppen;
    }

    private static Integriteitsrapport.Keten keten(Connection verbinding, String tabel, String sql, Kop kop,
                                                   Ketenpunt begin, java.util.function.LongConsumer gemeld,
                                                   Herberekening herberekening) throws SQLException {
        Integriteitsrapport.Breuk breuk = null;
        long records = 0;
        long verwacht = 1;
        byte[] vorige = Ketenhash.BEGIN;
        if (begin != null && begin.volgnummer() > 0) {
            verwacht = begin.volgnummer() + 1;
            vorige = HexFormat.of().parseHex(begin.hash());
            breuk = puntNogGelijk(verbinding, tabel, begin, vorige);
        }
        try (PreparedStatement vraag = verbinding.prepareStatement(sql)) {
            vraag.setFetchSize(PER_KEER);
            vraag.setLong(1, verwacht - 1);
            try (ResultSet rij = vraag.executeQuery()) {
                while (rij.next()) {
                    records++;
                    long nummer = rij.getLong("volgnummer");
                    byte[] vorigeHash = rij.getBytes("vorige_hash");
                    byte[] hash = rij.getBytes("hash");
                    if (breuk == null) {
                        if (nummer != verwacht) {
                            breuk = new Integriteitsrapport.Breuk(tabel, verwacht, "verwijderd");
                        } else if (!Ketenhash.gelijk(vorigeHash, vorige)) {
                            breuk = new Integriteitsrapport.Breuk(tabel, nummer, "verwijderd");
                        } else if (!Ketenhash.gelijk(hash, herberekening.hash(rij, vorigeHash, nummer))) {
                            breuk = new Integriteitsrapport.Breuk(tabel, nummer, "gewijzigd");
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
            breuk = breuk != null ? breuk : new Integriteitsrapport.Breuk(tabel, laatste + 1, "afgekapt");
            return new Integriteitsrapport.Keten(tabel, records, -1, null, false, breuk);
        }
        if (breuk == null) {
            if (kop.volgnummer() > laatste) {
                breuk = new Integriteitsrapport.Breuk(tabel, laatste + 1, "afgekapt");
            } else if (kop.volgnummer() < laatste) {
                breuk = new Integriteitsrapport.Breuk(tabel, kop.volgnummer() + 1, "toegevoegd");
            } else if (!Ketenhash.gelijk(kop.hash(), vorige)) {
                breuk = new Integriteitsrapport.Breuk(tabel, laatste, "gewijzigd");
            }
        }
        return new Integriteitsrapport.Keten(tabel, records, kop.volgnummer(), Ketenhash.hex(kop.hash()), breuk == null,
                breuk);
    }

    /** The break at the point a check goes on from, if its record is gone or no longer the same. */
    private static Integriteitsrapport.Breuk puntNogGelijk(Connection verbinding, String tabel, Ketenpunt punt,
                                                          byte[] hash) throws SQLException {
        // tabel is one of our two constants, never input.
        try (PreparedStatement vraag = verbinding.prepareStatement("select hash from " + tabel + " where volgnummer = ?")) {
            vraag.setLong(1, punt.volgnummer());
            try (ResultSet rij = vraag.executeQuery()) {
                if (!rij.next()) {
                    return new Integriteitsrapport.Breuk(tabel, punt.volgnummer(), "verwijderd");
                }
                return Ketenhash.gelijk(rij.getBytes("hash"), hash) ? null
                        : new Integriteitsrapport.Breuk(tabel, punt.volgnummer(), "gewijzigd");
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

    private record Kop(long volgnummer, byte[] hash) {
    }
}
