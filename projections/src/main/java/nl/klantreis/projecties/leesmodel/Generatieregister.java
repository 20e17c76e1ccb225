package nl.klantreis.projecties.leesmodel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generations of every read model, as recorded in {@code leesmodel_generatie} (shared by all
 * nodes: the one truth about which table serves and which is being built), and which table this
 * node itself reads from. Only this class writes that table; the state changes it knows are
 * first generation, new generation (a rebuild), takeover, and dropping a replaced one.
 */
final class Generatieregister {
    private final JdbcTemplate jdbc;
    private final TransactionManager transacties;
    /** Per read model, the table this node has seen serving; what readers on this node use. */
    private final Map<String, String> actieveTabellen = new ConcurrentHashMap<>();

    Generatieregister(JdbcTemplate jdbc, TransactionManager transacties) {
        this.jdbc = jdbc;
        this.transacties = transacties;
    }

    /** One generation of a read model: its own table and its own processor (with its own tokens). */
    record Generatie(String naam, int generatie, String tabel, String processor, String toestand, Instant actiefOp) {
        boolean actief() {
            return toestand.equals("actief");
        }

        boolean bouwen() {
            return toestand.equals("bouwen");
        }

        boolean vervangen() {
            return toestand.equals("vervangen");
        }
    }

    List<Generatie> generaties() {
        return jdbc.query("SELECT naam, generatie, tabel, processor, toestand, actief_op FROM leesmodel_generatie "
                + "ORDER BY naam, generatie", (rij, nr) -> new Generatie(rij.getString(1), rij.getInt(2),
                rij.getString(3), rij.getString(4), rij.getString(5),
                rij.getTimestamp(6) == null ? null : rij.getTimestamp(6).toInstant()));
    }

    Optional<Generatie> actieve(String naam) {
        return generaties().stream().filter(g -> g.naam().equals(naam) && g.actief()).findFirst();
    }

    Optional<Generatie> bouwende(String naam) {
        return generaties().stream().filter(g -> g.naam().equals(naam) && g.bouwen()).findFirst();
    }

    /** A read model seen for the first time gets generation 1, serving at once (it starts empty, as the store did). */
    void registreerEerste(String naam) {
        transacties.executeInTransaction(() -> {
            vergrendel(naam);
            Integer aantal = jdbc.queryForObject("SELECT count(*) FROM leesmodel_generatie WHERE naam = ?",
                    Integer.class, naam);
            if (aantal == 0) {
                String tabel = tabel(naam, 1);
                jdbc.queryForObject("SELECT leesmodel_maak_tabel(?)::text", String.class, tabel);
                jdbc.update("INSERT INTO leesmodel_generatie (naam, generatie, tabel, processor, toestand, actief_op) "
                        + "VALUES (?, 1, ?, ?, 'actief', now()) ON CONFLICT DO NOTHING", naam, tabel, processor(naam, 1));
            }
        });
    }

    /** The generation being built for this read model: the running one, or else a new one with an empty table. */
    int bouwNieuwe(String naam) {
        return transacties.fetchInTransaction(() -> {
            vergrendel(naam);
            List<Generatie> lopend = generaties().stream()
                    .filter(g -> g.naam().equals(naam) && g.bouwen()).toList();
            if (!lopend.isEmpty()) {
                return lopend.get(0).generatie();
            }
            int volgende = jdbc.queryForObject(
                    "SELECT coalesce(max(generatie), 0) + 1 FROM leesmodel_generatie WHERE naam = ?", Integer.class, naam);
            String tabel = tabel(naam, volgende);
            jdbc.queryForObject("SELECT leesmodel_maak_tabel(?)::text", String.class, tabel);
            jdbc.update("INSERT INTO leesmodel_generatie (naam, generatie, tabel, processor, toestand) "
                    + "VALUES (?, ?, ?, ?, 'bouwen')", naam, volgende, tabel, processor(naam, volgende));
            return volgende;
        });
    }

    /**
     * Nodes that start together on a new database (or rebuild at once) would each find no
     * generation and make the same table: PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} is not
     * safe against a concurrent one (a duplicate key in {@code pg_type}, and the node fails to
     * start). A lock per read model until the transaction ends lets one do it and the other see it.
     */
    private void vergrendel(String naam) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('leesmodel_generatie:' || ?))::text", String.class,
                naam);
    }

    /**
     * The built generation becomes the serving one and the serving one is replaced, in one
     * transaction; false, changing nothing, when another node did it first. Every node acts on a
     * list of generations read a moment before, so a second node can ask for the same takeover
     * just after the first one did it: only a generation still being built (checked under its row
     * lock, which a concurrent takeover holds until it commits) takes over, and only another
     * generation is replaced. Before, the second node replaced "the serving one", which by then
     * was the generation that had just taken over, and left the read model without any.
     */
    boolean neemOver(Generatie bouwend) {
        Boolean gewisseld = transacties.fetchInTransaction(() -> {
            List<Integer> nogBouwend = jdbc.queryForList("SELECT generatie FROM leesmodel_generatie "
                    + "WHERE naam = ? AND generatie = ? AND toestand = 'bouwen' FOR UPDATE", Integer.class,
                    bouwend.naam(), bouwend.generatie());
            if (nogBouwend.isEmpty()) {
                return false;
            }
            jdbc.update("UPDATE leesmodel_generatie SET toestand = 'vervangen' "
                    + "WHERE naam = ? AND toestand = 'actief' AND generatie <> ?", bouwend.naam(), bouwend.generatie());
            int geactiveerd = jdbc.update("UPDATE leesmodel_generatie SET toestand = 'actief', actief_op = now() "
                    + "WHERE naam = ? AND generatie = ? AND toestand = 'bouwen'", bouwend.naam(), bouwend.generatie());
            return geactiveerd == 1;
        });
        return Boolean.TRUE.equals(gewisseld);
    }

    /** When the generation that replaced this one took over (its queries may still run until a while after). */
    Optional<Instant> vervangenOp(Generatie vervangen) {
        return generaties().stream()
                .filter(g -> g.naam().equals(vervangen.naam()) && g.generatie() > vervangen.generatie()
                        && g.actiefOp() != null)
                .map(Generatie::actiefOp).min(Instant::compareTo);
    }

    /** Drops a replaced generation: its table, its tokens and its row. */
    void verwijder(Generatie vervangen) {
        transacties.executeInTransaction(() -> {
            jdbc.execute("DROP TABLE IF EXISTS " + vervangen.tabel());
            jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", vervangen.processor());
            jdbc.update("DELETE FROM leesmodel_generatie WHERE naam = ? AND generatie = ?",
                    vervangen.naam(), vervangen.generatie());
        });
    }

    /**
     * Records that this node now reads the read model from the serving generation's table.
     *
     * @return true when that is another table than before (a takeover this node has just seen)
     */
    boolean volgActieve(Generatie actieve) {
        String vorige = actieveTabellen.put(actieve.naam(), actieve.tabel());
        return vorige != null && !vorige.equals(actieve.tabel());
    }

    /** Whether this node reads from this generation: only that one announces its changes to listeners. */
    boolean leestVan(Generatie generatie) {
        return generatie.tabel().equals(actieveTabellen.get(generatie.naam()));
    }

    /** The table the serving generation of a read model is in, as this node follows it. */
    String actieveTabel(String naam) {
        String tabel = actieveTabellen.get(naam);
        if (tabel == null) {
            throw new IllegalArgumentException("onbekend leesmodel: " + naam);
        }
        return tabel;
    }

    static String tabel(String naam, int generatie) {
        return "leesmodel_" + naam.replace('-', '_') + "_g" + generatie;
    }

    static String processor(String naam, int generatie) {
        return naam + "-g" + generatie;
    }
}
