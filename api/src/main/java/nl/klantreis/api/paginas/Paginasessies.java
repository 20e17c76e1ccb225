package nl.klantreis.api.paginas;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.ReactiveSessionRepository;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The pages' web sessions in PostgreSQL, shared by every node (ADR 0027): a login made on one node
 * holds on the others, also after its node is gone, and the OIDC login's redirect back may land on
 * any node.
 *
 * <p>The database can read none of it without the browser's cookie. A session id is 256 random bits;
 * the row is found by {@code SHA-256("rij" | id)} and its attributes (the page login's token, which
 * names a burger's BSN) are encrypted with AES-256-GCM under {@code HMAC-SHA-256(id, "sleutel")}, the
 * row key as associated data. So a copy of the table, its WAL or a backup holds no session id to
 * hijack and no token to read, and needs no key of the engine's to keep that way.
 *
 * <p>Attributes are Java-serialised (as Spring Session's JDBC store does), read back through a filter
 * that admits only the JDK's and Spring Security's types a page session holds (CSRF token, OIDC
 * authorization request, strings). A row that does not open (tampered, another format) is no
 * session: the user is asked to log in again.
 */
final class Paginasessies implements ReactiveSessionRepository<Paginasessie> {
    private static final Logger LOG = LoggerFactory.getLogger(Paginasessies.class);
    /** A last use is written at most this often while nothing else changes (expiry is that exact). */
    static final Duration GEBRUIK_BIJWERKEN_NA = Duration.ofSeconds(60);
    /** How often a node deletes expired sessions (on a session's creation, not by a thread). */
    private static final Duration OPRUIMEN_ELKE = Duration.ofMinutes(5);
    private static final int ID_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte FORMAAT = 1;
    private static final SecureRandom TOEVAL = new SecureRandom();
    private static final ObjectInputFilter TOEGELATEN = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;maxbytes=1000000;maxarray=100000;"
                    + "java.lang.*;java.util.*;java.time.*;java.net.URI;java.net.URL;"
                    + "org.springframework.security.**;org.springframework.util.*;!*");

    private final JdbcTemplate jdbc;
    private final Duration maxInactief;
    private final Clock klok;
    private final AtomicReference<Instant> laatstOpgeruimd = new AtomicReference<>(Instant.EPOCH);

    Paginasessies(JdbcTemplate jdbc, Duration maxInactief, Clock klok) {
        this.jdbc = jdbc;
        this.maxInactief = maxInactief;
        this.klok = klok;
    }

    @Override
    public Mono<Paginasessie> createSession() {
        return Mono.fromSupplier(() -> {
            ruimOpAlsHetTijdIs();
            return new Paginasessie(Paginasessies::nieuweId, maxInactief, klok.instant());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> save(Paginasessie sessie) {
        if (!sessie.moetSchrijven(GEBRUIK_BIJWERKEN_NA)) {
            return Mono.empty();
        }
        return Mono.<Void>fromRunnable(() -> schrijf(sessie)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Paginasessie> findById(String id) {
        return Mono.fromCallable(() -> lees(id)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return Mono.<Void>fromRunnable(() -> jdbc.update("DELETE FROM paginasessie WHERE sleutel = ?", rij(id)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private void schrijf(Paginasessie sessie) {
        byte[] sleutel = rij(sessie.getId());
        byte[] gegevens = versleutel(sessie.getId(), sleutel, serialiseer(sessie.attributen()));
        Instant gebruikt = sessie.getLastAccessedTime();
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) verbinding -> {
            boolean automatisch = verbinding.getAutoCommit();
            verbinding.setAutoCommit(false);
            try {
                // A new id (after a login) replaces the old row in the same transaction: the id planted
                // before the login is worth nothing after it, on every node.
                if (sessie.oorspronkelijkeId() != null && !sessie.oorspronkelijkeId().equals(sessie.getId())) {
                    try (var weg = verbinding.prepareStatement("DELETE FROM paginasessie WHERE sleutel = ?")) {
                        weg.setBytes(1, rij(sessie.oorspronkelijkeId()));
                        weg.executeUpdate();
                    }
                }
                try (var opslaan = verbinding.prepareStatement("""
                        INSERT INTO paginasessie (sleutel, gegevens, aangemaakt, laatst_gebruikt, max_inactief_seconden, verloopt)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (sleutel) DO UPDATE SET gegevens = excluded.gegevens,
                            laatst_gebruikt = excluded.laatst_gebruikt,
                            max_inactief_seconden = excluded.max_inactief_seconden, verloopt = excluded.verloopt""")) {
                    opslaan.setBytes(1, sleutel);
                    opslaan.setBytes(2, gegevens);
                    opslaan.setTimestamp(3, Timestamp.from(sessie.getCreationTime()));
                    opslaan.setTimestamp(4, Timestamp.from(gebruikt));
                    opslaan.setInt(5, (int) sessie.getMaxInactiveInterval().toSeconds());
                    opslaan.setTimestamp(6, Timestamp.from(gebruikt.plus(sessie.getMaxInactiveInterval())));
                    opslaan.executeUpdate();
                }
                verbinding.commit();
            } catch (java.sql.SQLException | RuntimeException e) {
                verbinding.rollback();
                throw e;
            } finally {
                verbinding.setAutoCommit(automatisch);
            }
            return null;
        });
        sessie.opgeslagen();
    }

    private Paginasessie lees(String id) {
        if (id == null || id.length() > 100) {
            return null;
        }
        byte[] sleutel = rij(id);
        List<Paginasessie> gevonden = jdbc.query(
                "SELECT gegevens, aangemaakt, laatst_gebruikt, max_inactief_seconden FROM paginasessie WHERE sleutel = ?",
                (rs, n) -> {
                    Map<String, Object> attributen = open(id, sleutel, rs.getBytes(1));
                    if (attributen == null) {
                        return null;
                    }
                    Instant gebruikt = rs.getTimestamp(3).toInstant();
                    return new Paginasessie(Paginasessies::nieuweId, id, attributen, rs.getTimestamp(2).toInstant(),
                            gebruikt, Duration.ofSeconds(rs.getInt(4)), gebruikt);
                }, (Object) sleutel);
        Paginasessie sessie = gevonden.isEmpty() ? null : gevonden.get(0);
        if (sessie == null || sessie.isVerlopen(klok.instant())) {
            if (!gevonden.isEmpty()) {
                jdbc.update("DELETE FROM paginasessie WHERE sleutel = ?", (Object) sleutel);
            }
            return null;
        }
        return sessie;
    }

    /** The attributes, or null when the row does not open with this id or holds what we never write. */
    private static Map<String, Object> open(String id, byte[] sleutel, byte[] gegevens) {
        try {
            return deserialiseer(ontsleutel(id, sleutel, gegevens));
        } catch (GeneralSecurityException | IOException | ClassNotFoundException | ClassCastException
                 | IllegalArgumentException e) {
            LOG.warn("een paginasessie opende niet en is vergeten ({}); de gebruiker logt opnieuw in",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private void ruimOpAlsHetTijdIs() {
        Instant nu = klok.instant();
        Instant vorige = laatstOpgeruimd.get();
        if (Duration.between(vorige, nu).compareTo(OPRUIMEN_ELKE) >= 0 && laatstOpgeruimd.compareAndSet(vorige, nu)) {
            ruimOp(nu);
        }
    }

    /** Deletes every session expired at {@code nu}; returns how many. */
    int ruimOp(Instant nu) {
        int weg = jdbc.update("DELETE FROM paginasessie WHERE verloopt < ?", Timestamp.from(nu));
        if (weg > 0) {
            LOG.debug("{} verlopen paginasessies verwijderd", weg);
        }
        return weg;
    }

    static String nieuweId() {
        byte[] id = new byte[ID_BYTES];
        TOEVAL.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    static byte[] rij(String id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("rij".getBytes(StandardCharsets.UTF_8));
            return sha.digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec sleutel(String id) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(id.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return new SecretKeySpec(hmac.doFinal("sleutel".getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** format | iv | ciphertext with tag. */
    private static byte[] versleutel(String id, byte[] rij, byte[] platteTekst) {
        try {
            byte[] iv = new byte[IV_BYTES];
            TOEVAL.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, sleutel(id), new GCMParameterSpec(TAG_BITS, iv));
            aes.updateAAD(rij);
            byte[] versleuteld = aes.doFinal(platteTekst);
            return ByteBuffer.allocate(1 + IV_BYTES + versleuteld.length).put(FORMAAT).put(iv).put(versleuteld).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ontsleutel(String id, byte[] rij, byte[] gegevens) throws GeneralSecurityException {
        if (gegevens.length < 1 + IV_BYTES + TAG_BITS / 8 || gegevens[0] != FORMAAT) {
            throw new IllegalArgumentException("onbekend formaat");
        }
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, sleutel(id), new GCMParameterSpec(TAG_BITS, gegevens, 1, IV_BYTES));
        aes.updateAAD(rij);
        return aes.doFinal(gegevens, 1 + IV_BYTES, gegevens.length - 1 - IV_BYTES);
    }

    private static byte[] serialiseer(Map<String, Object> attributen) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream uit = new ObjectOutputStream(bytes)) {
            uit.writeObject(new LinkedHashMap<>(attributen));
        } catch (IOException e) {
            // A page put something in its session that cannot be kept across nodes: our bug.
            throw new IllegalStateException("een paginasessie bevat iets dat niet te bewaren is", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialiseer(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(TOEGELATEN);
            return (Map<String, Object>) in.readObject();
        } catch (InvalidClassException e) {
            throw new IOException(e);
        }
    }
}
