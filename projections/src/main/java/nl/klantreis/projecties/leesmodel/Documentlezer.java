package nl.klantreis.projecties.leesmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the documents of a read model's serving generation. Blocking (JDBC): callers on a
 * reactive path run it on a worker scheduler.
 */
public final class Documentlezer<D> {
    private final Supplier<String> tabel;
    private final Documentprojectie<D> projectie;
    private final JdbcTemplate jdbc;
    private final DataSource database;

    /** Reads the generation that serves on this node, following a rebuild's takeover. */
    @SuppressWarnings("unchecked")
    public Documentlezer(Projectiebeheer beheer, String naam, DataSource database) {
        this((Documentprojectie<D>) bekend(beheer.projectie(naam), naam), () -> beheer.actieveTabel(naam), database);
    }

    /**
     * Reads the table {@code tabel} names at each read: for a query handler's tests, which fill
     * one table through the {@link Documentprojectie} and need no running engine.
     */
    public Documentlezer(Documentprojectie<D> projectie, Supplier<String> tabel, DataSource database) {
        this.projectie = projectie;
        this.tabel = tabel;
        this.database = database;
        this.jdbc = new JdbcTemplate(database);
        this.jdbc.setFetchSize(500);
    }

    private static Documentprojectie<?> bekend(Documentprojectie<?> projectie, String naam) {
        if (projectie == null) {
            throw new IllegalArgumentException("onbekend leesmodel: " + naam);
        }
        return projectie;
    }

    public Optional<D> document(String documentsleutel) {
        return jdbc.query("SELECT document FROM " + tabel() + " WHERE sleutel = ?",
                (rij, nr) -> projectie.lees(rij.getString(1)), documentsleutel).stream().findFirst();
    }

    /** A document with the position of the last event applied to it (the global index: rises with every change). */
    public record MetPositie<D>(D document, long positie) {
    }

    /** The document and its position, read together (one row, one snapshot). */
    public Optional<MetPositie<D>> documentMetPositie(String documentsleutel) {
        return jdbc.query("SELECT document, positie FROM " + tabel() + " WHERE sleutel = ?",
                (rij, nr) -> new MetPositie<>(projectie.lees(rij.getString(1)), rij.getLong(2)), documentsleutel)
                .stream().findFirst();
    }

    public List<D> vanEigenaar(String eigenaar) {
        return jdbc.query("SELECT document FROM " + tabel() + " WHERE eigenaar = ? ORDER BY sleutel",
                (rij, nr) -> projectie.lees(rij.getString(1)), eigenaar);
    }

    /** Every document found by this value, in key order. */
    public List<D> allenMetZoeksleutel(String zoeksleutel) {
        return jdbc.query("SELECT document FROM " + tabel() + " WHERE zoeksleutels @> ARRAY[?]::text[] ORDER BY sleutel",
                (rij, nr) -> projectie.lees(rij.getString(1)), zoeksleutel);
    }

    public Optional<D> metZoeksleutel(String zoeksleutel) {
        return jdbc.query("SELECT document FROM " + tabel() + " WHERE zoeksleutels @> ARRAY[?]::text[] LIMIT 1",
                (rij, nr) -> projectie.lees(rij.getString(1)), zoeksleutel).stream().findFirst();
    }

    /** Every document, one at a time (streamed: memory does not grow with their number). */
    public void elk(Consumer<D> verwerker) {
        String sql = "SELECT document FROM " + tabel() + " ORDER BY sleutel";
        jdbc.execute((ConnectionCallback<Void>) verbinding -> {
            // PostgreSQL streams with a cursor only inside a transaction.
            boolean autocommit = verbinding.getAutoCommit();
            verbinding.setAutoCommit(false);
            try (PreparedStatement vraag = verbinding.prepareStatement(sql)) {
                vraag.setFetchSize(500);
                try (ResultSet rijen = vraag.executeQuery()) {
                    while (rijen.next()) {
                        verwerker.accept(projectie.lees(rijen.getString(1)));
                    }
                }
            } finally {
                verbinding.rollback();
                verbinding.setAutoCommit(autocommit);
            }
            return null;
        });
    }

    /**
     * Every document as a stream over a database cursor: memory does not grow with their number.
     * Close the stream (try-with-resources) to release its connection.
     */
    public Stream<D> stroom() {
        String sql = "SELECT document FROM " + tabel() + " ORDER BY sleutel";
        try {
            Connection verbinding = database.getConnection();
            try {
                verbinding.setAutoCommit(false);
                PreparedStatement vraag = verbinding.prepareStatement(sql);
                vraag.setFetchSize(500);
                ResultSet rijen = vraag.executeQuery();
                Iterator<D> documenten = new Iterator<>() {
                    private Boolean volgende;

                    @Override
                    public boolean hasNext() {
                        if (volgende == null) {
                            try {
                                volgende = rijen.next();
                            } catch (SQLException e) {
                                throw new IllegalStateException("lezen van leesmodel mislukt", e);
                            }
                        }
                        return volgende;
                    }

                    @Override
                    public D next() {
                        if (!hasNext()) {
                            throw new java.util.NoSuchElementException();
                        }
                        volgende = null;
                        try {
                            return projectie.lees(rijen.getString(1));
                        } catch (SQLException e) {
                            throw new IllegalStateException("lezen van leesmodel mislukt", e);
                        }
                    }
                };
                return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documenten, Spliterator.ORDERED), false)
                        .onClose(() -> sluit(verbinding));
            } catch (SQLException | RuntimeException e) {
                sluit(verbinding);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lezen van leesmodel mislukt", e);
        }
    }

    private static void sluit(Connection verbinding) {
        try {
            verbinding.rollback();
            verbinding.setAutoCommit(true);
            verbinding.close();
        } catch (SQLException e) {
            throw new IllegalStateException("sluiten van leesverbinding mislukt", e);
        }
    }

    /** An order-independent digest of the serving generation: to compare a rebuild with the live model. */
    public String controlegetal() {
        return controlegetal(tabel());
    }

    public String controlegetal(String tabel) {
        return jdbc.queryForObject("SELECT coalesce(md5(string_agg(sleutel || ':' || document::text, '|' ORDER BY sleutel)), '') "
                + "FROM " + tabel, String.class);
    }

    public long aantal() {
        return jdbc.queryForObject("SELECT count(*) FROM " + tabel(), Long.class);
    }

    private String tabel() {
        return tabel.get();
    }
}
