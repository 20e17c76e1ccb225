package nl.klantreis.projecties.privacy;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * The key table: one key per klant and one per zaak, created on first use, deleted when the klant
 * is forgotten. Every operation works on a whole batch in a fixed number of statements, because
 * ingestion asks for the keys of thousands of events at once.
 *
 * <p>Through {@link JdbcTemplate} every statement joins the caller's Spring transaction on the same
 * DataSource when there is one: a key created for an event that is rolled back disappears with it.
 *
 * <p>Nothing is cached: after {@link #vergeet(KlantId)} commits, no node can decrypt his values.
 */
public final class Sleutelring {

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public Sleutelring(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** The current key of every klant, created for those that have none yet. */
    public Map<KlantId, Sleutel> voorKlanten(Collection<KlantId> klanten) {
        return voor(klanten, new Soort<>(
                "select sleutel_id, klant_id, materiaal from sleutel where klant_id = any(?) and zaak_id is null",
                "insert into sleutel (sleutel_id, klant_id, materiaal) values (?, ?, ?)"
                        + " on conflict (klant_id) where zaak_id is null do nothing",
                "text", KlantId::waarde, rs -> new KlantId(rs.getString("klant_id")),
                Comparator.comparing(KlantId::waarde)));
    }

    /** The key of every zaak, created for those that have none yet; not linked to a klant yet. */
    public Map<ZaakId, Sleutel> voorZaken(Collection<ZaakId> zaken) {
        return voor(zaken, new Soort<>(
                "select sleutel_id, zaak_id, materiaal from sleutel where zaak_id = any(?)",
                "insert into sleutel (sleutel_id, zaak_id, materiaal) values (?, ?, ?)"
                        + " on conflict (zaak_id) where zaak_id is not null do nothing",
                "uuid", ZaakId::waarde, rs -> new ZaakId(rs.getObject("zaak_id", UUID.class)),
                Comparator.naturalOrder()));
    }

    /**
     * Makes each zaak's key belong to its klant, so that forgetting the klant also shreds the zaak's
     * texts. A zaak without a key yet gets one here: otherwise a key created later would not be
     * linked and would survive the klant.
     */
    public void koppelZakenAanKlant(Map<ZaakId, KlantId> koppelingen) {
        Objects.requireNonNull(koppelingen, "koppelingen");
        if (koppelingen.isEmpty()) {
            return;
        }
        List<ZaakId> zaken = new ArrayList<>(new TreeSet<>(koppelingen.keySet()));
        jdbc.batchUpdate("insert into sleutel (sleutel_id, zaak_id, klant_id, materiaal) values (?, ?, ?, ?)"
                        + " on conflict (zaak_id) where zaak_id is not null do update set klant_id = excluded.klant_id"
                        + " where sleutel.klant_id is distinct from excluded.klant_id",
                zaken, zaken.size(), (ps, zaak) -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, zaak.waarde());
                    ps.setString(3, Objects.requireNonNull(koppelingen.get(zaak), "klant van zaak " + zaak).waarde());
                    ps.setBytes(4, nieuwMateriaal());
                });
    }

    /** The key with this id, or empty when it was deleted (its klant was forgotten). */
    public Optional<Sleutel> sleutel(UUID sleutelId) {
        Objects.requireNonNull(sleutelId, "sleutelId");
        return jdbc.query("select sleutel_id, materiaal from sleutel where sleutel_id = ?",
                (rs, nr) -> sleutelUit(rs), sleutelId).stream().findFirst();
    }

    /** The keys that still exist among these ids; deleted ones are simply absent. */
    public Map<UUID, Sleutel> sleutels(Collection<UUID> sleutelIds) {
        Objects.requireNonNull(sleutelIds, "sleutelIds");
        Map<UUID, Sleutel> gevonden = new HashMap<>();
        if (sleutelIds.isEmpty()) {
            return gevonden;
        }
        UUID[] ids = sleutelIds.stream().distinct().toArray(UUID[]::new);
        jdbc.query("select sleutel_id, materiaal from sleutel where sleutel_id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids)),
                (RowCallbackHandler) rs -> {
                    Sleutel sleutel = sleutelUit(rs);
                    gevonden.put(sleutel.id(), sleutel);
                });
        return gevonden;
    }

    /**
     * Crypto-shredding: deletes the klant's own keys and those of the zaken linked to him.
     *
     * @return the number of keys deleted
     */
    public int vergeet(KlantId klant) {
        Objects.requireNonNull(klant, "klant");
        return jdbc.update("delete from sleutel where klant_id = ?", klant.waarde());
    }

    private <T> Map<T, Sleutel> voor(Collection<T> eigenaren, Soort<T> soort) {
        Objects.requireNonNull(eigenaren, "eigenaren");
        Map<T, Sleutel> gevonden = new HashMap<>();
        if (eigenaren.isEmpty()) {
            return gevonden;
        }
        // Sorted: two transactions inserting overlapping batches then wait on the unique index in
        // the same order and cannot deadlock.
        TreeSet<T> gevraagd = new TreeSet<>(soort.volgorde());
        eigenaren.forEach(eigenaar -> gevraagd.add(Objects.requireNonNull(eigenaar, "eigenaar")));

        zoek(gevraagd, soort, gevonden);
        if (gevonden.size() == gevraagd.size()) {
            return gevonden;
        }
        List<T> ontbrekend = gevraagd.stream().filter(eigenaar -> !gevonden.containsKey(eigenaar)).toList();
        jdbc.batchUpdate(soort.invoegen(), ontbrekend, ontbrekend.size(), (ps, eigenaar) -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, soort.kolomwaarde().apply(eigenaar));
            ps.setBytes(3, nieuwMateriaal());
        });
        // Read back instead of trusting our own insert: on a conflict another node's key won.
        zoek(ontbrekend, soort, gevonden);
        if (gevonden.size() != gevraagd.size()) {
            // Only under REPEATABLE READ or SERIALIZABLE, where the winner's key is invisible to us.
            throw new IllegalStateException((gevraagd.size() - gevonden.size())
                    + " sleutels aangemaakt door een gelijktijdige transactie zijn niet zichtbaar;"
                    + " vraag sleutels in READ COMMITTED aan");
        }
        return gevonden;
    }

    private <T> void zoek(Collection<T> eigenaren, Soort<T> soort, Map<T, Sleutel> gevonden) {
        Object[] waarden = eigenaren.stream().map(soort.kolomwaarde()).toArray();
        jdbc.query(soort.zoeken(), ps -> ps.setArray(1, array(ps, soort.sqlType(), waarden)),
                (RowCallbackHandler) rs -> gevonden.put(soort.eigenaarUit().uit(rs), sleutelUit(rs)));
    }

    private static Array array(PreparedStatement ps, String sqlType, Object[] waarden) throws SQLException {
        return ps.getConnection().createArrayOf(sqlType, waarden);
    }

    private static Sleutel sleutelUit(ResultSet rs) throws SQLException {
        return new Sleutel(rs.getObject("sleutel_id", UUID.class), rs.getBytes("materiaal"));
    }

    private byte[] nieuwMateriaal() {
        byte[] materiaal = new byte[Sleutel.LENGTE];
        random.nextBytes(materiaal);
        return materiaal;
    }

    @FunctionalInterface
    private interface Kolom<T> {
        T uit(ResultSet rs) throws SQLException;
    }

    /** What differs between klant keys and zaak keys; the algorithm is the same. */
    private record Soort<T>(String zoeken, String invoegen, String sqlType, Function<T, Object> kolomwaarde,
                            Kolom<T> eigenaarUit, Comparator<T> volgorde) {
    }
}
