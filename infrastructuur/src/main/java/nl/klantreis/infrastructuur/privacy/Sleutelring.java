package nl.klantreis.infrastructuur.privacy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * The key table: one key (DEK) per klant and one per zaak, created on first use, deleted when the
 * klant is forgotten. Every operation works on a whole batch in a fixed number of statements,
 * because ingestion asks for the keys of thousands of events at once.
 *
 * <p>The table holds every DEK wrapped by the current key-encryption key (KEK) of its bucket; the
 * KEKs are files outside the database ({@link Sleutelkluis}). Forgetting deletes the klant's rows
 * and then rotates the KEKs that wrapped them: the other rows of those KEKs are re-wrapped under a
 * new KEK and the old KEK is destroyed after the commit, so the copies of the deleted rows that
 * PostgreSQL keeps (dead tuples, WAL, backups) can no longer be unwrapped (ADR 0011).
 *
 * <p>Through {@link JdbcTemplate} every statement joins the caller's Spring transaction on the same
 * DataSource when there is one: a key created for an event that is rolled back disappears with it.
 * A transaction that creates keys holds a shared advisory lock until it ends and forgetting takes
 * it exclusively, so no key can be committed under a KEK that a concurrent rotation destroys.
 *
 * <p>Nothing is cached across transactions, neither DEKs nor KEKs: a KEK read by a transaction that
 * holds the lock is kept only until it ends (the lock keeps it from being destroyed meanwhile); a
 * read without the lock reads its KEKs for that call only. After {@link #vergeet(KlantId)} commits, no
 * node can decrypt his values.
 */
public final class Sleutelring {
    private static final Logger LOG = LoggerFactory.getLogger(Sleutelring.class);
    /** The advisory lock of the key ring: shared while keys are made, exclusive while KEKs rotate. */
    private static final long SLOT = 0x6b6c616e7472696eL;
    private static final int MIGRATIE_PER_TRANSACTIE = 1_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final Sleutelkluis kluis;
    private volatile boolean kluisKlaar;
    private final boolean vacuumNaVergeten;
    private final SecureRandom random = new SecureRandom();
    /** Per transaction: its {@link Slot}, so the lock is one statement per transaction, not per call. */
    private final Object slotBijTransactie = new Object();
    private volatile int aantalBuckets;

    /**
     * @param kekMap the folder of the KEKs, shared by every node and tool of this installation
     * @param vacuumNaVergeten whether to VACUUM the key table after each forget (dead rows gone at once)
     */
    public Sleutelring(DataSource dataSource, Path kekMap, boolean vacuumNaVergeten) {
        this(dataSource, new Sleutelkluis(kekMap), vacuumNaVergeten);
    }

    Sleutelring(DataSource dataSource, Sleutelkluis kluis, boolean vacuumNaVergeten) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new JdbcTemplate(dataSource);
        // REQUIRED: joins the caller's transaction; a caller without one still gets its lock held
        // until the keys it makes are committed.
        this.transactie = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.kluis = Objects.requireNonNull(kluis, "kluis");
        this.vacuumNaVergeten = vacuumNaVergeten;
    }

    /** The folder of the KEKs (for the operator: it must be backed up apart from the database). */
    public Path kekMap() {
        return kluis.basis();
    }

    /** The KEK folder of this database's installation (its subfolder is looked up once). */
    private Sleutelkluis kluis() {
        if (!kluisKlaar) {
            synchronized (kluis) {
                if (!kluis.isIngesteld()) {
                    kluis.stelIn(Objects.requireNonNull(jdbc.queryForObject(
                            "select installatie::text from kek_installatie", String.class)));
                }
                kluisKlaar = true;
            }
        }
        return kluis;
    }

    /** The current key of every klant, created for those that have none yet. */
    public Map<KlantId, Sleutel> voorKlanten(Collection<KlantId> klanten) {
        return voor(klanten, new Soort<>(
                "select sleutel_id, kek_id, materiaal, klant_id from sleutel where klant_id = any(?) and zaak_id is null",
                "insert into sleutel (sleutel_id, klant_id, kek_id, materiaal) values (?, ?, ?, ?)"
                        + " on conflict (klant_id) where zaak_id is null do nothing",
                "text", KlantId::waarde, rs -> new KlantId(rs.getString("klant_id")),
                Comparator.comparing(KlantId::waarde)));
    }

    /** The key of every zaak, created for those that have none yet; not linked to a klant yet. */
    public Map<ZaakId, Sleutel> voorZaken(Collection<ZaakId> zaken) {
        return voor(zaken, new Soort<>(
                "select sleutel_id, kek_id, materiaal, zaak_id from sleutel where zaak_id = any(?)",
                "insert into sleutel (sleutel_id, zaak_id, kek_id, materiaal) values (?, ?, ?, ?)"
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
        transactie.executeWithoutResult(status -> {
            Slot slot = neemGedeeldSlot();
            List<Nieuw> nieuw = nieuweSleutels(zaken.size(), slot);
            jdbc.batchUpdate("insert into sleutel (sleutel_id, zaak_id, klant_id, kek_id, materiaal)"
                            + " values (?, ?, ?, ?, ?)"
                            + " on conflict (zaak_id) where zaak_id is not null do update set klant_id = excluded.klant_id"
                            + " where sleutel.klant_id is distinct from excluded.klant_id",
                    posities(zaken.size()), zaken.size(), (ps, i) -> {
                        ZaakId zaak = zaken.get(i);
                        Nieuw sleutel = nieuw.get(i);
                        ps.setObject(1, sleutel.id());
                        ps.setObject(2, zaak.waarde());
                        ps.setString(3, Objects.requireNonNull(koppelingen.get(zaak), "klant van zaak " + zaak)
                                .waarde());
                        ps.setString(4, sleutel.kekId());
                        ps.setBytes(5, sleutel.gewikkeld());
                    });
        });
    }

    /** The key with this id, or empty when it was deleted (its klant was forgotten). */
    public Optional<Sleutel> sleutel(UUID sleutelId) {
        Objects.requireNonNull(sleutelId, "sleutelId");
        return Optional.ofNullable(sleutels(List.of(sleutelId)).get(sleutelId));
    }

    /** The keys that still exist among these ids; deleted ones are simply absent. */
    public Map<UUID, Sleutel> sleutels(Collection<UUID> sleutelIds) {
        Objects.requireNonNull(sleutelIds, "sleutelIds");
        if (sleutelIds.isEmpty()) {
            return new HashMap<>();
        }
        UUID[] ids = sleutelIds.stream().distinct().toArray(UUID[]::new);
        // Without the lock (readers never wait for a forget): a KEK may be destroyed between reading
        // a row and reading its KEK, and then the row has been re-wrapped already; read it again.
        for (int poging = 1; ; poging++) {
            List<Rij> rijen = new ArrayList<>();
            jdbc.query("select sleutel_id, kek_id, materiaal from sleutel where sleutel_id = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids)),
                    (RowCallbackHandler) rs -> rijen.add(rijUit(rs)));
            Map<String, Optional<Sleutelkluis.Kek>> keks = new HashMap<>();
            try {
                return open(rijen, Rij::id, keks);
            } catch (KekVerdwenen e) {
                if (poging == 3) {
                    throw e.alsFout(kluis().map());
                }
            } finally {
                wis(keks);
            }
        }
    }

    /**
     * Crypto-shredding: deletes the klant's own keys and those of the zaken linked to him, and
     * rotates the KEKs that wrapped them; the old KEKs are destroyed once this commits (in the
     * caller's transaction, when there is one), followed by a VACUUM of the key table.
     *
     * @return the number of keys deleted
     */
    public int vergeet(KlantId klant) {
        Objects.requireNonNull(klant, "klant");
        return Objects.requireNonNull(transactie.execute(status -> {
            Slot slot = neemExclusiefSlot();
            List<String> kekIds = jdbc.queryForList("delete from sleutel where klant_id = ? returning kek_id",
                    String.class, klant.waarde());
            TreeSet<String> oud = new TreeSet<>();
            kekIds.stream().filter(Objects::nonNull).forEach(oud::add);
            for (String kekId : oud) {
                roteer(kekId, slot);
            }
            ruimWezenOp(oud);
            naCommit(oud, !kekIds.isEmpty());
            return kekIds.size();
        }));
    }

    /**
     * What the engine does at each start, safe to repeat and to run on several nodes at once: wraps
     * the raw keys left from before KEKs existed, and destroys the KEKs that nothing uses any more
     * (left behind when a node stopped between a rotation's commit and the destruction, or made for
     * a rotation that never committed).
     */
    public Onderhoud onderhoud() {
        int gewikkeld = 0;
        while (true) {
            Integer deze = transactie.execute(status -> wikkelRuweSleutels());
            if (deze == null || deze == 0) {
                break;
            }
            gewikkeld += deze;
        }
        List<String> vernietigd = Objects.requireNonNull(transactie.execute(status -> {
            neemExclusiefSlot();
            return ruimWezenOp(Set.of());
        }));
        if (gewikkeld > 0) {
            // The raw values are in the dead row versions now: cleaned here, not at some later autovacuum.
            vacuum();
            LOG.info("{} sleutels van voor de KEK's gewikkeld (ADR 0011)", gewikkeld);
        }
        if (!vernietigd.isEmpty()) {
            LOG.info("{} ongebruikte KEK's vernietigd", vernietigd.size());
        }
        return new Onderhoud(gewikkeld, vernietigd.size());
    }

    /** What {@link #onderhoud()} did. */
    public record Onderhoud(int gewikkeld, int kekVernietigd) {
    }

    private <T> Map<T, Sleutel> voor(Collection<T> eigenaren, Soort<T> soort) {
        Objects.requireNonNull(eigenaren, "eigenaren");
        if (eigenaren.isEmpty()) {
            return new HashMap<>();
        }
        // Sorted: two transactions inserting overlapping batches then wait on the unique index in
        // the same order and cannot deadlock.
        TreeSet<T> gevraagd = new TreeSet<>(soort.volgorde());
        eigenaren.forEach(eigenaar -> gevraagd.add(Objects.requireNonNull(eigenaar, "eigenaar")));
        return transactie.execute(status -> {
            // Held until the caller's transaction ends: no KEK read below is destroyed before then.
            Slot slot = neemGedeeldSlot();
            Map<T, Sleutel> gevonden = zoek(gevraagd, soort, slot);
            if (gevonden.size() == gevraagd.size()) {
                return gevonden;
            }
            List<T> ontbrekend = gevraagd.stream().filter(eigenaar -> !gevonden.containsKey(eigenaar)).toList();
            List<Nieuw> nieuw = nieuweSleutels(ontbrekend.size(), slot);
            jdbc.batchUpdate(soort.invoegen(), posities(nieuw.size()), nieuw.size(), (ps, i) -> {
                Nieuw sleutel = nieuw.get(i);
                ps.setObject(1, sleutel.id());
                ps.setObject(2, soort.kolomwaarde().apply(ontbrekend.get(i)));
                ps.setString(3, sleutel.kekId());
                ps.setBytes(4, sleutel.gewikkeld());
            });
            // Read back instead of trusting our own insert: on a conflict another node's key won.
            gevonden.putAll(zoek(ontbrekend, soort, slot));
            if (gevonden.size() != gevraagd.size()) {
                // Only under REPEATABLE READ or SERIALIZABLE, where the winner's key is invisible to us.
                throw new IllegalStateException((gevraagd.size() - gevonden.size())
                        + " sleutels aangemaakt door een gelijktijdige transactie zijn niet zichtbaar;"
                        + " vraag sleutels in READ COMMITTED aan");
            }
            return gevonden;
        });
    }

    private <T> Map<T, Sleutel> zoek(Collection<T> eigenaren, Soort<T> soort, Slot slot) {
        Object[] waarden = eigenaren.stream().map(soort.kolomwaarde()).toArray();
        Map<UUID, T> eigenaarVan = new HashMap<>();
        List<Rij> rijen = new ArrayList<>();
        jdbc.query(soort.zoeken(), ps -> ps.setArray(1, array(ps, soort.sqlType(), waarden)),
                (RowCallbackHandler) rs -> {
                    Rij rij = rijUit(rs);
                    rijen.add(rij);
                    eigenaarVan.put(rij.id(), soort.eigenaarUit().uit(rs));
                });
        try {
            return open(rijen, rij -> eigenaarVan.get(rij.id()), slot.keks());
        } catch (KekVerdwenen e) {
            // Under the shared lock no KEK in use is destroyed: the folder is not the engine's.
            throw e.alsFout(kluis().map());
        }
    }

    /** The DEKs in these rows, each KEK read at most once into {@code keks}. */
    private <K> Map<K, Sleutel> open(List<Rij> rijen, Function<Rij, K> sleutelVan,
                                     Map<String, Optional<Sleutelkluis.Kek>> keks) {
        Map<K, Sleutel> uit = new HashMap<>();
        // Grouped by KEK: the AES implementation keeps the expanded key of its last key, and
        // expanding it anew for every row cost more than the unwrapping itself.
        List<Rij> opKek = new ArrayList<>(rijen);
        opKek.sort(Comparator.comparing(Rij::kekId, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Rij rij : opKek) {
            byte[] dek;
            if (rij.kekId() == null) {
                // From before KEKs: wrapped at the next start (onderhoud), readable until then.
                dek = rij.materiaal();
            } else {
                Optional<Sleutelkluis.Kek> kek = keks.computeIfAbsent(rij.kekId(), kluis()::lees);
                if (kek.isEmpty()) {
                    keks.remove(rij.kekId());
                    throw new KekVerdwenen(rij.kekId());
                }
                dek = kluis().ontwikkel(kek.get(), rij.id(), rij.materiaal());
            }
            uit.put(sleutelVan.apply(rij), new Sleutel(rij.id(), dek));
            Arrays.fill(dek, (byte) 0);
        }
        return uit;
    }

    /** New DEKs with their ids, each wrapped by the current KEK of its bucket. */
    private List<Nieuw> nieuweSleutels(int aantal, Slot slot) {
        List<UUID> ids = new ArrayList<>(aantal);
        Set<Integer> buckets = new HashSet<>();
        for (int i = 0; i < aantal; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            buckets.add(bucketVan(id));
        }
        Map<Integer, Sleutelkluis.Kek> huidig = huidigeKeks(buckets, slot);
        // Wrapped bucket by bucket (see open), each in its own place in the list.
        Integer[] volgorde = IntStream.range(0, aantal).boxed().toArray(Integer[]::new);
        Arrays.sort(volgorde, Comparator.comparingInt(i -> bucketVan(ids.get(i))));
        Nieuw[] nieuw = new Nieuw[aantal];
        byte[] dek = new byte[Sleutel.LENGTE];
        for (int i : volgorde) {
            UUID id = ids.get(i);
            random.nextBytes(dek);
            Sleutelkluis.Kek kek = huidig.get(bucketVan(id));
            nieuw[i] = new Nieuw(id, kek.id(), kluis().wikkel(kek, id, dek));
        }
        Arrays.fill(dek, (byte) 0);
        return Arrays.asList(nieuw);
    }

    /**
     * The current KEK of each bucket, read from the folder now. A bucket that has none yet gets
     * one: its file is written before the row names it, and of two nodes doing so at once the
     * first commit wins and the other destroys its own, never used.
     */
    private Map<Integer, Sleutelkluis.Kek> huidigeKeks(Set<Integer> buckets, Slot slot) {
        Map<Integer, String> ids = new HashMap<>();
        Integer[] gevraagd = buckets.stream().sorted().toArray(Integer[]::new);
        jdbc.query("select bucket, huidige_kek from kek_bucket where bucket = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("int2", gevraagd)),
                (RowCallbackHandler) rs -> ids.put((int) rs.getShort("bucket"), rs.getString("huidige_kek")));
        Map<Integer, Sleutelkluis.Kek> keks = new HashMap<>();
        List<Sleutelkluis.Kek> gemaakt = new ArrayList<>();
        for (Integer bucket : gevraagd) {
            if (ids.get(bucket) == null) {
                gemaakt.add(kluis().maak(bucket));
            }
        }
        if (!gemaakt.isEmpty()) {
            int[] bijgewerkt = jdbc.batchUpdate(
                    "update kek_bucket set huidige_kek = ? where bucket = ? and huidige_kek is null", gemaakt,
                    gemaakt.size(), (ps, kek) -> {
                        ps.setString(1, kek.id());
                        ps.setShort(2, (short) Sleutelkluis.bucketVan(kek.id()));
                    })[0];
            for (int i = 0; i < gemaakt.size(); i++) {
                Sleutelkluis.Kek kek = gemaakt.get(i);
                int bucket = Sleutelkluis.bucketVan(kek.id());
                if (bijgewerkt[i] == 1) {
                    keks.put(bucket, kek);
                    slot.keks().put(kek.id(), Optional.of(kek));
                } else {
                    kluis().vernietig(kek.id());
                    ids.put(bucket, jdbc.queryForObject("select huidige_kek from kek_bucket where bucket = ?",
                            String.class, bucket));
                }
            }
        }
        for (Integer bucket : gevraagd) {
            if (!keks.containsKey(bucket)) {
                String kekId = ids.get(bucket);
                keks.put(bucket, slot.keks().computeIfAbsent(kekId, kluis()::lees)
                        .orElseThrow(() -> new KekVerdwenen(kekId).alsFout(kluis().map())));
            }
        }
        return keks;
    }

    /**
     * Replaces a KEK (under the exclusive lock): a new current KEK for its bucket, every remaining
     * row of the old one re-wrapped under it. The old KEK itself is destroyed only after the commit.
     */
    private void roteer(String oudId, Slot slot) {
        int bucket = Sleutelkluis.bucketVan(oudId);
        Sleutelkluis.Kek oud = slot.keks().computeIfAbsent(oudId, kluis()::lees)
                .orElseThrow(() -> new KekVerdwenen(oudId).alsFout(kluis().map()));
        String huidig = jdbc.queryForObject("select huidige_kek from kek_bucket where bucket = ?", String.class,
                bucket);
        Sleutelkluis.Kek doel;
        if (oudId.equals(huidig)) {
            doel = kluis().maak(bucket);
            slot.keks().put(doel.id(), Optional.of(doel));
            jdbc.update("update kek_bucket set huidige_kek = ? where bucket = ?", doel.id(), bucket);
        } else {
            doel = slot.keks().computeIfAbsent(huidig, kluis()::lees)
                    .orElseThrow(() -> new KekVerdwenen(huidig).alsFout(kluis().map()));
        }
        List<Rij> rijen = jdbc.query("select sleutel_id, kek_id, materiaal from sleutel where kek_id = ?",
                (rs, nr) -> rijUit(rs), oudId);
        List<Nieuw> herwikkeld = new ArrayList<>(rijen.size());
        for (Rij rij : rijen) {
            byte[] dek = kluis().ontwikkel(oud, rij.id(), rij.materiaal());
            herwikkeld.add(new Nieuw(rij.id(), doel.id(), kluis().wikkel(doel, rij.id(), dek)));
            Arrays.fill(dek, (byte) 0);
        }
        jdbc.batchUpdate("update sleutel set kek_id = ?, materiaal = ? where sleutel_id = ?", herwikkeld,
                MIGRATIE_PER_TRANSACTIE, (ps, rij) -> {
                    ps.setString(1, rij.kekId());
                    ps.setBytes(2, rij.gewikkeld());
                    ps.setObject(3, rij.id());
                });
    }

    /**
     * Destroys every KEK in the folder that is no bucket's current KEK and wraps no row (as this
     * transaction sees them), except {@code behalve}: those are still in use until it commits.
     * Only under the exclusive lock: a KEK being made by another transaction would look unused.
     */
    private List<String> ruimWezenOp(Set<String> behalve) {
        Set<String> huidig = new HashSet<>(jdbc.queryForList(
                "select huidige_kek from kek_bucket where huidige_kek is not null", String.class));
        List<String> kandidaten = kluis().alle().stream()
                .filter(id -> !huidig.contains(id) && !behalve.contains(id)).toList();
        if (kandidaten.isEmpty()) {
            return List.of();
        }
        Set<String> gebruikt = new HashSet<>(jdbc.query(
                "select distinct kek_id from sleutel where kek_id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", kandidaten.toArray())),
                (rs, nr) -> rs.getString(1)));
        List<String> wezen = kandidaten.stream().filter(id -> !gebruikt.contains(id)).toList();
        wezen.forEach(kluis()::vernietig);
        return wezen;
    }

    /** One batch of raw keys wrapped; 0 when none are left. */
    private int wikkelRuweSleutels() {
        Slot slot = neemGedeeldSlot();
        List<Rij> rijen = jdbc.query("select sleutel_id, kek_id, materiaal from sleutel where kek_id is null"
                        + " order by sleutel_id limit " + MIGRATIE_PER_TRANSACTIE + " for update skip locked",
                (rs, nr) -> rijUit(rs));
        if (rijen.isEmpty()) {
            return 0;
        }
        Set<Integer> buckets = new HashSet<>();
        rijen.forEach(rij -> buckets.add(bucketVan(rij.id())));
        Map<Integer, Sleutelkluis.Kek> huidig = huidigeKeks(buckets, slot);
        List<Nieuw> gewikkeld = rijen.stream().map(rij -> {
            Sleutelkluis.Kek kek = huidig.get(bucketVan(rij.id()));
            return new Nieuw(rij.id(), kek.id(), kluis().wikkel(kek, rij.id(), rij.materiaal()));
        }).toList();
        jdbc.batchUpdate("update sleutel set kek_id = ?, materiaal = ? where sleutel_id = ? and kek_id is null",
                gewikkeld, gewikkeld.size(), (ps, rij) -> {
                    ps.setString(1, rij.kekId());
                    ps.setBytes(2, rij.gewikkeld());
                    ps.setObject(3, rij.id());
                });
        return gewikkeld.size();
    }

    /** After the commit: the rotated KEKs destroyed, then the deleted rows' dead versions vacuumed. */
    private void naCommit(Set<String> teVernietigen, boolean vacuum) {
        Runnable opruimen = () -> {
            for (String kekId : teVernietigen) {
                try {
                    kluis().vernietig(kekId);
                } catch (RuntimeException e) {
                    // Unused now: the next forget or start destroys it (ruimWezenOp).
                    LOG.warn("Oude KEK {} niet vernietigd; dat gebeurt bij het volgende vergeten of de volgende"
                            + " start: {}", kekId, e.toString());
                }
            }
            if (vacuum && vacuumNaVergeten) {
                vacuum();
            }
        };
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("vergeten hoort in een transactie met synchronisatie");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                opruimen.run();
            }
        });
    }

    /**
     * VACUUM of the key table, on a connection of its own: it cannot run in a transaction, and in
     * an afterCommit callback the caller's connection is still in its (finished) transaction.
     */
    private void vacuum() {
        try (Connection verbinding = dataSource.getConnection(); Statement opdracht = verbinding.createStatement()) {
            verbinding.setAutoCommit(true);
            opdracht.execute("vacuum sleutel");
        } catch (SQLException e) {
            // Autovacuum will do it later; the wrapped rows are unreadable without their KEK anyway.
            LOG.warn("VACUUM van de sleuteltabel mislukt: {}", e.getMessage());
        }
    }

    /** The shared lock for the rest of the transaction (taken now unless it holds it already). */
    private Slot neemGedeeldSlot() {
        Slot slot = (Slot) TransactionSynchronizationManager.getResource(slotBijTransactie);
        if (slot != null) {
            return slot;
        }
        jdbc.query("select pg_advisory_xact_lock_shared(?)", (ResultSetExtractor<Void>) rs -> null, SLOT);
        return onthoud(new Slot());
    }

    /** The exclusive lock for the rest of the transaction; a shared one it holds is upgraded. */
    private Slot neemExclusiefSlot() {
        Slot slot = (Slot) TransactionSynchronizationManager.getResource(slotBijTransactie);
        if (slot != null && slot.exclusief) {
            return slot;
        }
        jdbc.query("select pg_advisory_xact_lock(?)", (ResultSetExtractor<Void>) rs -> null, SLOT);
        if (slot == null) {
            slot = onthoud(new Slot());
        }
        slot.exclusief = true;
        return slot;
    }

    private Slot onthoud(Slot slot) {
        TransactionSynchronizationManager.bindResource(slotBijTransactie, slot);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(slotBijTransactie);
                wis(slot.keks());
            }
        });
        return slot;
    }

    private static void wis(Map<String, Optional<Sleutelkluis.Kek>> keks) {
        keks.values().forEach(kek -> kek.ifPresent(Sleutelkluis.Kek::wis));
        keks.clear();
    }

    private static List<Integer> posities(int aantal) {
        return IntStream.range(0, aantal).boxed().toList();
    }

    private int bucketVan(UUID sleutelId) {
        int aantal = aantalBuckets;
        if (aantal == 0) {
            aantal = Objects.requireNonNull(jdbc.queryForObject("select count(*) from kek_bucket", Integer.class));
            aantalBuckets = aantal;
        }
        return (int) Math.floorMod(sleutelId.getLeastSignificantBits(), (long) aantal);
    }

    private static Array array(PreparedStatement ps, String sqlType, Object[] waarden) throws SQLException {
        return ps.getConnection().createArrayOf(sqlType, waarden);
    }

    private static Rij rijUit(ResultSet rs) throws SQLException {
        return new Rij(rs.getObject("sleutel_id", UUID.class), rs.getString("kek_id"), rs.getBytes("materiaal"));
    }

    /**
     * What a transaction holds: the lock, and the KEKs it read. They may stay in memory for the
     * transaction because the lock keeps every KEK it uses from being destroyed until it ends; they
     * are wiped when it ends, so no KEK outlives the transaction that read it.
     */
    private static final class Slot {
        private boolean exclusief;
        private final Map<String, Optional<Sleutelkluis.Kek>> keks = new HashMap<>();

        Map<String, Optional<Sleutelkluis.Kek>> keks() {
            return keks;
        }
    }

    /** One row of the key table, its material as stored (wrapped, or raw when kekId is null). */
    private record Rij(UUID id, String kekId, byte[] materiaal) {
    }

    /** A new or re-wrapped row. */
    private record Nieuw(UUID id, String kekId, byte[] gewikkeld) {
    }

    /** A row names a KEK that is not in the folder. */
    private static final class KekVerdwenen extends RuntimeException {
        KekVerdwenen(String kekId) {
            super(kekId, null, false, false);
        }

        IllegalStateException alsFout(Path map) {
            return new IllegalStateException("KEK " + getMessage() + " ontbreekt in " + map
                    + "; wijst klantreis.sleutels.map (KLANTREIS_SLEUTELS_MAP) naar de KEK-map van deze database?");
        }
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
