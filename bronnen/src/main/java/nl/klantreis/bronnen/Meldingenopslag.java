package nl.klantreis.bronnen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * The durable queue of meldingen (table {@code bronmelding}, V13): plain JDBC on a DataSource, so the engine's
 * workers and the tools (replay-tools: the dead letters, the backfill) share it. Every method is one short
 * statement in autocommit; no transaction stays open while a source is being read. Claims carry a lease: a
 * node that dies leaves its claims, and once their lease has passed another node (or itself after a restart)
 * takes them, so nothing is lost. Several nodes claim at once without taking the same row ({@code FOR UPDATE
 * SKIP LOCKED}). Times come from the clock given, not the database's, so every node and test sees one time axis.
 */
public final class Meldingenopslag {
    /** The longest reason kept; the column allows no more. */
    public static final int MAXIMALE_REDEN = 4000;

    private static final String KOLOMMEN = "id, soort, url, kanaal, resource, actie, aanmaakdatum, pogingen, toestand,"
            + " ontvangen_op, volgende_poging, geclaimd_door, geclaimd_tot, reden, afgehandeld_op";

    private final DataSource database;
    private final Clock klok;
    private final Duration klantcontactRust;

    /**
     * @param klantcontactRust how long a klantcontact's melding stays unclaimed after it arrived (Open Klant makes
     *                         a klantcontact first and its betrokkene and onderwerpobject in later calls)
     */
    public Meldingenopslag(DataSource database, Clock klok, Duration klantcontactRust) {
        this.database = Objects.requireNonNull(database, "database");
        this.klok = Objects.requireNonNull(klok, "klok");
        this.klantcontactRust = Objects.requireNonNull(klantcontactRust, "klantcontactRust");
    }

    /** With the default klantcontact rest (for the tools, which never claim). */
    public Meldingenopslag(DataSource database, Clock klok) {
        this(database, klok, Bronconfiguratie.Verwerking.STANDAARD.klantcontactRust());
    }

    /** Where a melding stands; the codes are the column's values. */
    public enum Toestand {
        /** To be read (possibly after a failed try, at {@code volgende_poging}). */
        WACHTEND,
        /** Read, and everything it amounted to taken by ingestion (accepted or duplicate). */
        VERWERKT,
        /** The resource is gone at the source (404, 410). */
        WEG,
        /** The zaak's zaaktype has no mapping; replay after fixing the mapping ({@link #opnieuw}). */
        ONGEKOPPELD,
        /** Ingestion rejected one or more of its messages; the reason names positions, ids and errors. */
        GEWEIGERD,
        /** A dead letter: a lasting source fault, or every try failed. */
        DOOD,
        /** Nothing of the engine's concern. */
        GENEGEERD;

        /** The states {@link #opnieuw} may put back. */
        public static final List<Toestand> HERHAALBAAR = List.of(DOOD, GEWEIGERD, ONGEKOPPELD, WEG);

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Toestand van(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** What {@link #voegToe} did with a notification. */
    public enum Toevoeging {
        /** A new melding. */
        OPGESLAGEN,
        /** The very same notification was stored before; nothing new. */
        DUBBEL,
        /** A melding for the same zaak or klantcontact was still waiting, unclaimed: it reads the current state anyway. */
        SAMENGEVOEGD
    }

    /**
     * A notification reduced to what is queued.
     *
     * @param soort        what {@code url} is
     * @param url          the zaak or klantcontact to read
     * @param kanaal       the notification's kanaal (or the CloudEvent's type)
     * @param resource     the notification's resource
     * @param resourceUrl  the notification's resourceUrl (part of the duplicate key only)
     * @param actie        the notification's actie
     * @param aanmaakdatum when the source made it
     */
    public record Nieuw(Melding.Soort soort, String url, String kanaal, String resource, String resourceUrl,
                        String actie, Instant aanmaakdatum) {
        public Nieuw {
            Objects.requireNonNull(soort, "soort");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(kanaal, "kanaal");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(resourceUrl, "resourceUrl");
            Objects.requireNonNull(actie, "actie");
            Objects.requireNonNull(aanmaakdatum, "aanmaakdatum");
        }

        /** SHA-256 of kanaal, resourceUrl, actie and aanmaakdatum (as an instant, whatever offset it was written with). */
        public byte[] sleutel() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (String deel : List.of(kanaal, resourceUrl, actie, aanmaakdatum.toString())) {
                    sha.update(deel.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
                return sha.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One row, as the tools list it. */
    public record Regel(Melding melding, Toestand toestand, Instant ontvangenOp, Instant volgendePoging,
                        String geclaimdDoor, Instant geclaimdTot, String reden, Instant afgehandeldOp) {
    }

    /**
     * Queues a notification: once (the same notification again is {@link Toevoeging#DUBBEL}), and not at all
     * when a melding for the same zaak or klantcontact is still waiting unclaimed ({@link Toevoeging#SAMENGEVOEGD}).
     * A melding already claimed does not absorb it: its worker may have read the source before this change.
     */
    public Toevoeging voegToe(Nieuw nieuw) {
        byte[] sleutel = nieuw.sleutel();
        Instant nu = klok.instant();
        String sql = "INSERT INTO bronmelding (soort, url, kanaal, resource, actie, aanmaakdatum, dedup_sleutel,"
                + " ontvangen_op, volgende_poging)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM bronmelding"
                + " WHERE toestand = 'wachtend' AND soort = ? AND url = ? AND geclaimd_door IS NULL)"
                + " ON CONFLICT (dedup_sleutel) DO NOTHING";
        try (Connection c = database.getConnection()) {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, nieuw.soort().code());
                p.setString(2, nieuw.url());
                p.setString(3, nieuw.kanaal());
                p.setString(4, nieuw.resource());
                p.setString(5, nieuw.actie());
                p.setObject(6, tijd(nieuw.aanmaakdatum()));
                p.setBytes(7, sleutel);
                p.setObject(8, tijd(nu));
                p.setObject(9, tijd(eersteBeurt(nieuw.soort(), nu)));
                p.setString(10, nieuw.soort().code());
                p.setString(11, nieuw.url());
                if (p.executeUpdate() == 1) {
                    return Toevoeging.OPGESLAGEN;
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM bronmelding WHERE dedup_sleutel = ?")) {
                p.setBytes(1, sleutel);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Toevoeging.DUBBEL : Toevoeging.SAMENGEVOEGD;
                }
            }
        } catch (SQLException e) {
            throw new Opslagfout("melding opslaan", e);
        }
    }

    /**
     * Queues the backfill of one zaak or klantcontact (resource {@code inlezen}): no duplicate key, but absorbed
     * by a melding for the same URL still waiting unclaimed.
     */
    public Toevoeging voegInleesmeldingToe(Melding.Soort soort, String url) {
        Instant nu = klok.instant();
        String sql = "INSERT INTO bronmelding (soort, url, kanaal, resource, actie, ontvangen_op, volgende_poging)"
                + " SELECT ?, ?, ?, 'inlezen', 'inlezen', ?, ? WHERE NOT EXISTS (SELECT 1 FROM bronmelding"
                + " WHERE toestand = 'wachtend' AND soort = ? AND url = ? AND geclaimd_door IS NULL)";
        try (Connection c = database.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, soort.code());
            p.setString(2, url);
            p.setString(3, soort == Melding.Soort.ZAAK ? "zaken" : "klantcontacten");
            p.setObject(4, tijd(nu));
            p.setObject(5, tijd(nu));
            p.setString(6, soort.code());
            p.setString(7, url);
            return p.executeUpdate() == 1 ? Toevoeging.OPGESLAGEN : Toevoeging.SAMENGEVOEGD;
        } catch (SQLException e) {
            throw new Opslagfout("inleesmelding opslaan", e);
        }
    }

    private Instant eersteBeurt(Melding.Soort soort, Instant nu) {
        return soort == Melding.Soort.KLANTCONTACT ? nu.plus(klantcontactRust) : nu;
    }

    /**
     * Claims up to {@code aantal} waiting meldingen that are due and not claimed by anyone (or whose claim's
     * lease has passed) for {@code eigenaar}, until now + {@code lease}. Due first, then oldest.
     */
    public List<Melding> claim(int aantal, String eigenaar, Duration lease) {
        Instant nu = klok.instant();
        String sql = "UPDATE bronmelding m SET geclaimd_door = ?, geclaimd_tot = ?"
                + " FROM (SELECT id FROM bronmelding WHERE toestand = 'wachtend' AND volgende_poging <= ?"
                + " AND (geclaimd_tot IS NULL OR geclaimd_tot <= ?) ORDER BY volgende_poging, id LIMIT ?"
                + " FOR UPDATE SKIP LOCKED) k WHERE m.id = k.id RETURNING " + KOLOMMEN.replace("id,", "m.id,");
        try (Connection c = database.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, eigenaar);
            p.setObject(2, tijd(nu.plus(lease)));
            p.setObject(3, tijd(nu));
            p.setObject(4, tijd(nu));
            p.setInt(5, aantal);
            List<Melding> meldingen = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    meldingen.add(regel(r).melding());
                }
            }
            meldingen.sort((a, b) -> Long.compare(a.id(), b.id()));
            return meldingen;
        } catch (SQLException e) {
            throw new Opslagfout("meldingen claimen", e);
        }
    }

    /**
     * Ends a claimed melding in {@code toestand} (not {@link Toestand#WACHTEND}), counting the try.
     *
     * @return false when {@code eigenaar} no longer holds the claim (its lease passed and another took it): the
     *         other one's outcome stands
     */
    public boolean markeer(long id, String eigenaar, Toestand toestand, String reden) {
        if (toestand == Toestand.WACHTEND) {
            throw new IllegalArgumentException("gebruik opnieuwOm om een melding te laten wachten");
        }
        String sql = "UPDATE bronmelding SET toestand = ?, reden = ?, afgehandeld_op = ?, pogingen = pogingen + 1,"
                + " geclaimd_door = NULL, geclaimd_tot = NULL WHERE id = ? AND geclaimd_door = ? AND toestand = 'wachtend'";
        try (Connection c = database.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, toestand.code());
            p.setString(2, kort(reden));
            p.setObject(3, tijd(klok.instant()));
            p.setLong(4, id);
            p.setString(5, eigenaar);
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new Opslagfout("melding afhandelen", e);
        }
    }

    /** A failed try: the melding waits until {@code wanneer}, unclaimed, with the try counted and its reason kept. */
    public boolean opnieuwOm(long id, String eigenaar, Instant wanneer, String reden) {
        String sql = "UPDATE bronmelding SET volgende_poging = ?, reden = ?, pogingen = pogingen + 1,"
                + " geclaimd_door = NULL, geclaimd_tot = NULL WHERE id = ? AND geclaimd_door = ? AND toestand = 'wachtend'";
        try (Connection c = database.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, tijd(wanneer));
            p.setString(2, kort(reden));
            p.setLong(3, id);
            p.setString(4, eigenaar);
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new Opslagfout("melding uitstellen", e);
        }
    }

    /** Gives back every claim of {@code eigenaar} still waiting (a graceful stop); the count given back. */
    public int geefVrij(String eigenaar) {
        String sql = "UPDATE bronmelding SET geclaimd_door = NULL, geclaimd_tot = NULL"
                + " WHERE geclaimd_door = ? AND toestand = 'wachtend'";
        try (Connection c = database.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, eigenaar);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new Opslagfout("claims vrijgeven", e);
        }
    }

    /** Up to {@code aantal} meldingen in {@code toestand} with an id above {@code naId} (0: from the start), by id. */
    public List<Regel> lijst(Toestand toestand, long naId, int aantal) {
        String sql = "SELECT " + KOLOMMEN + " FROM bronmelding WHERE toestand = ? AND id > ? ORDER BY id LIMIT ?";
        try (Connection c = database.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, toestand.code());
            p.setLong(2, naId);
            p.setInt(3, aantal);
            List<Regel> regels = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    regels.add(regel(r));
                }
            }
            return regels;
        } catch (SQLException e) {
            throw new Opslagfout("meldingen lijsten", e);
        }
    }

    /** The number of meldingen per toestand, every toestand present (0 when none). */
    public Map<Toestand, Long> telling() {
        Map<Toestand, Long> telling = new EnumMap<>(Toestand.class);
        for (Toestand t : Toestand.values()) {
            telling.put(t, 0L);
        }
        try (Connection c = database.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT toestand, count(*) FROM bronmelding GROUP BY toestand");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                telling.put(Toestand.van(r.getString(1)), r.getLong(2));
            }
            return telling;
        } catch (SQLException e) {
            throw new Opslagfout("meldingen tellen", e);
        }
    }

    /** How long the oldest waiting melding has been waiting; zero when none waits. */
    public Duration oudsteWachtende() {
        try (Connection c = database.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT min(ontvangen_op) FROM bronmelding WHERE toestand = 'wachtend'");
             ResultSet r = p.executeQuery()) {
            OffsetDateTime oudste = r.next() ? r.getObject(1, OffsetDateTime.class) : null;
            if (oudste == null) {
                return Duration.ZERO;
            }
            Duration wacht = Duration.between(oudste.toInstant(), klok.instant());
            return wacht.isNegative() ? Duration.ZERO : wacht;
        } catch (SQLException e) {
            throw new Opslagfout("oudste melding zoeken", e);
        }
    }

    /** Puts these meldingen back to waiting with no tries counted, when they are in a {@link Toestand#HERHAALBAAR} state. */
    public int opnieuw(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return terug("id = ANY (?)", p -> p.setArray(2, p.getConnection().createArrayOf("bigint", ids.toArray())));
    }

    /** Puts every melding in {@code toestand} (one of {@link Toestand#HERHAALBAAR}) back to waiting. */
    public int opnieuw(Toestand toestand) {
        if (!Toestand.HERHAALBAAR.contains(toestand)) {
            throw new IllegalArgumentException("alleen " + Toestand.HERHAALBAAR + " kunnen opnieuw, niet " + toestand);
        }
        return terug("toestand = ?", p -> p.setString(2, toestand.code()));
    }

    /** Puts every melding in a {@link Toestand#HERHAALBAAR} state back to waiting. */
    public int opnieuwAlles() {
        return terug("TRUE", p -> { });
    }

    /** Sets the condition's parameters, numbered from 2 (1 is the time). */
    private interface Voorwaarde {
        void zet(PreparedStatement p) throws SQLException;
    }

    private int terug(String voorwaarde, Voorwaarde parameters) {
        String sql = "UPDATE bronmelding SET toestand = 'wachtend', pogingen = 0, volgende_poging = ?,"
                + " geclaimd_door = NULL, geclaimd_tot = NULL, afgehandeld_op = NULL"
                + " WHERE toestand IN ('dood', 'geweigerd', 'ongekoppeld', 'weg') AND " + voorwaarde;
        try (Connection c = database.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, tijd(klok.instant()));
            parameters.zet(p);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new Opslagfout("meldingen opnieuw", e);
        }
    }

    private static String kort(String reden) {
        if (reden == null || reden.length() <= MAXIMALE_REDEN) {
            return reden;
        }
        return reden.substring(0, MAXIMALE_REDEN - 1) + "…";
    }

    private static OffsetDateTime tijd(Instant moment) {
        return moment == null ? null : moment.atOffset(ZoneOffset.UTC);
    }

    private static Instant moment(ResultSet r, String kolom) throws SQLException {
        OffsetDateTime t = r.getObject(kolom, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Regel regel(ResultSet r) throws SQLException {
        Melding melding = new Melding(r.getLong("id"), Melding.Soort.valueOf(r.getString("soort").toUpperCase(Locale.ROOT)),
                r.getString("url"), r.getString("kanaal"), r.getString("resource"), r.getString("actie"),
                moment(r, "aanmaakdatum"), r.getInt("pogingen"));
        return new Regel(melding, Toestand.van(r.getString("toestand")), moment(r, "ontvangen_op"),
                moment(r, "volgende_poging"), r.getString("geclaimd_door"), moment(r, "geclaimd_tot"), r.getString("reden"),
                moment(r, "afgehandeld_op"));
    }

    /** The queue could not be reached or refused the statement; the cause says why. */
    public static final class Opslagfout extends RuntimeException {
        Opslagfout(String wat, SQLException oorzaak) {
            super(wat + " mislukt: " + oorzaak.getMessage(), oorzaak);
        }
    }
}
