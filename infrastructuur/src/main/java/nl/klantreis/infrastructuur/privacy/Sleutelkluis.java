package nl.klantreis.infrastructuur.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-encryption keys (KEKs), kept outside PostgreSQL: one file of 32 random bytes per KEK,
 * {@code kek-<bucket>-<random>.bin}, in a folder that every node and tool of one installation
 * shares (by default {@code <data-map>/sleutels/<installatie>}, in production a mounted vault). A KEK wraps the
 * per-klant and per-zaak keys (DEKs) of its bucket, so the database only ever holds wrapped DEKs:
 * a copy of a row in a dead tuple, the WAL or a backup is worthless once its KEK is destroyed
 * (ADR 0011).
 *
 * <p>Nothing is cached here: every {@link #lees} reads the file again, so a KEK destroyed by one node
 * is gone for all of them at once, as with the DEKs themselves (ADR 0004).
 */
class Sleutelkluis {
    private static final Logger LOG = LoggerFactory.getLogger(Sleutelkluis.class);
    static final int KEK_LENGTE = 32;
    private static final int IV_LENGTE = 12;
    private static final int TAG_BITS = 128;
    /** iv | wrapped DEK | tag. */
    static final int GEWIKKELD_LENGTE = IV_LENGTE + Sleutel.LENGTE + TAG_BITS / 8;
    private static final Pattern NAAM = Pattern.compile("kek-(\\d{4})-([0-9a-f]{32})\\.bin");
    private static final Set<PosixFilePermission> ALLEEN_EIGENAAR_BESTAND =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> ALLEEN_EIGENAAR_MAP = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path basis;
    /** {@code basis/<installatie>}: set once the database has said which installation this is. */
    private volatile Path map;
    private final SecureRandom random = new SecureRandom();
    // One cipher per thread, initialised anew for every key: Cipher.getInstance costs more than
    // wrapping a 32-byte key, and ingestion wraps or unwraps a thousand keys per batch.
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM niet beschikbaar", e);
        }
    });

    Sleutelkluis(Path basis) {
        this.basis = Objects.requireNonNull(basis, "basis").toAbsolutePath().normalize();
    }

    /**
     * The KEKs of one database live in a subfolder named after it ({@code kek_installatie}), so that
     * installations sharing a vault folder (test and production, say) never see, use or sweep away
     * each other's KEKs.
     */
    void stelIn(String installatie) {
        UUID.fromString(installatie);
        map = basis.resolve(installatie);
    }

    boolean isIngesteld() {
        return map != null;
    }

    /** The folder as configured (without the installation's subfolder). */
    Path basis() {
        return basis;
    }

    /** The default folder of an installation: beside the local token key. */
    static Path standaardMap(Path dataMap) {
        return dataMap.resolve("sleutels");
    }

    Path map() {
        Path ingesteld = map;
        if (ingesteld == null) {
            throw new IllegalStateException("KEK-map " + basis + " is nog niet aan een installatie gekoppeld");
        }
        return ingesteld;
    }

    /** The bucket a KEK id belongs to; every DEK of that bucket is wrapped by its bucket's current KEK. */
    static int bucketVan(String kekId) {
        return Integer.parseInt(kekId.substring(0, 4));
    }

    /**
     * A new KEK for this bucket, on disk (and forced there, with its folder entry) before this
     * returns: a row wrapped with it may only be committed once the KEK cannot be lost in a crash.
     */
    Kek maak(int bucket) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = String.format("%04d-%s", bucket, HexFormat.of().formatHex(bytes));
        byte[] materiaal = new byte[KEK_LENGTE];
        random.nextBytes(materiaal);
        Path bestand = bestand(id);
        Path tijdelijk = map().resolve(".kek-" + UUID.randomUUID() + ".tmp");
        try {
            maakMap();
            schrijfAlleenVoorEigenaar(tijdelijk, materiaal);
            // The name appears only when the content is complete; a name is never reused.
            Files.move(tijdelijk, bestand);
            forceerMap();
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("KEK " + id + " bestaat al", e);
        } catch (IOException e) {
            throw new UncheckedIOException("KEK niet te schrijven in " + map(), e);
        } finally {
            try {
                Files.deleteIfExists(tijdelijk);
            } catch (IOException e) {
                LOG.debug("Tijdelijk KEK-bestand {} niet te verwijderen: {}", tijdelijk, e.getMessage());
            }
        }
        return new Kek(id, materiaal);
    }

    /** The KEK with this id, read from its file now; empty when it was destroyed. */
    Optional<Kek> lees(String kekId) {
        try {
            byte[] materiaal = Files.readAllBytes(bestand(kekId));
            if (materiaal.length != KEK_LENGTE) {
                throw new IllegalStateException("KEK-bestand " + bestand(kekId) + " heeft " + materiaal.length
                        + " bytes, verwacht " + KEK_LENGTE);
            }
            return Optional.of(new Kek(kekId, materiaal));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("KEK-bestand " + bestand(kekId) + " niet te lezen", e);
        }
    }

    /**
     * Overwrites the KEK's file with zeros, forces that to disk and removes the file. The overwrite
     * is best effort (a journaling or copy-on-write file system or an SSD may keep the old block):
     * in production the folder belongs in a vault or on an encrypted volume (ADR 0011).
     */
    void vernietig(String kekId) {
        Path bestand = bestand(kekId);
        try (FileChannel kanaal = FileChannel.open(bestand, StandardOpenOption.WRITE)) {
            ByteBuffer nullen = ByteBuffer.allocate(KEK_LENGTE);
            while (nullen.hasRemaining()) {
                kanaal.write(nullen, nullen.position());
            }
            kanaal.force(true);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("KEK-bestand " + bestand + " niet te overschrijven", e);
        }
        try {
            Files.deleteIfExists(bestand);
            forceerMap();
        } catch (IOException e) {
            throw new UncheckedIOException("KEK-bestand " + bestand + " niet te verwijderen", e);
        }
    }

    /** The ids of every KEK in the folder. */
    List<String> alle() {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(map())) {
            return ids;
        }
        try (DirectoryStream<Path> bestanden = Files.newDirectoryStream(map(), "kek-*.bin")) {
            for (Path bestand : bestanden) {
                Matcher naam = NAAM.matcher(bestand.getFileName().toString());
                if (naam.matches()) {
                    ids.add(naam.group(1) + "-" + naam.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("KEK-map " + map() + " niet te lezen", e);
        }
        return ids;
    }

    /** The DEK wrapped with AES-256-GCM under the KEK, with the DEK's id as associated data. */
    byte[] wikkel(Kek kek, UUID sleutelId, byte[] dek) {
        byte[] uit = new byte[GEWIKKELD_LENGTE];
        byte[] iv = new byte[IV_LENGTE];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, uit, 0, IV_LENGTE);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek.materiaal(), "AES"),
                    new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(sleutelId));
            cipher.doFinal(dek, 0, dek.length, uit, IV_LENGTE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM niet beschikbaar", e);
        }
        return uit;
    }

    /**
     * The DEK inside {@code gewikkeld}.
     *
     * @throws OntsleutelenMislukt when this KEK did not wrap it (or it was altered, or moved to another id)
     */
    byte[] ontwikkel(Kek kek, UUID sleutelId, byte[] gewikkeld) {
        if (gewikkeld.length != GEWIKKELD_LENGTE) {
            throw new OntsleutelenMislukt("gewikkelde sleutel " + sleutelId + " heeft " + gewikkeld.length + " bytes");
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek.materiaal(), "AES"),
                    new GCMParameterSpec(TAG_BITS, gewikkeld, 0, IV_LENGTE));
            cipher.updateAAD(aad(sleutelId));
            return cipher.doFinal(gewikkeld, IV_LENGTE, gewikkeld.length - IV_LENGTE);
        } catch (AEADBadTagException e) {
            throw new OntsleutelenMislukt("sleutel " + sleutelId + " is niet door KEK " + kek.id() + " gewikkeld", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM niet beschikbaar", e);
        }
    }

    private static byte[] aad(UUID sleutelId) {
        return sleutelId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private Path bestand(String kekId) {
        return map().resolve("kek-" + kekId + ".bin");
    }

    private void maakMap() throws IOException {
        if (Files.isDirectory(map())) {
            return;
        }
        if (posix()) {
            try {
                Files.createDirectories(map(), PosixFilePermissions.asFileAttribute(ALLEEN_EIGENAAR_MAP));
            } catch (FileAlreadyExistsException e) {
                // made by another node in the meantime
            }
        } else {
            Files.createDirectories(map());
        }
    }

    private void schrijfAlleenVoorEigenaar(Path bestand, byte[] inhoud) throws IOException {
        try (FileChannel kanaal = posix()
                ? FileChannel.open(bestand, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(ALLEEN_EIGENAAR_BESTAND))
                : FileChannel.open(bestand, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(inhoud);
            while (buffer.hasRemaining()) {
                kanaal.write(buffer);
            }
            kanaal.force(true);
        }
    }

    /** Makes a new or removed name durable; not possible (nor needed) on every platform. */
    private void forceerMap() {
        try (FileChannel kanaal = FileChannel.open(map(), StandardOpenOption.READ)) {
            kanaal.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.trace("Map {} niet te forceren: {}", map(), e.getMessage());
        }
    }

    private boolean posix() {
        Path bestaand = map();
        while (bestaand != null && !Files.exists(bestaand)) {
            bestaand = bestaand.getParent();
        }
        return (bestaand == null ? map().getFileSystem() : bestaand.getFileSystem())
                .supportedFileAttributeViews().contains("posix");
    }

    /** One KEK; its material never appears in toString. */
    record Kek(String id, byte[] materiaal) {
        Kek {
            Objects.requireNonNull(id, "id");
            if (materiaal.length != KEK_LENGTE) {
                throw new IllegalArgumentException("KEK " + id + " heeft " + materiaal.length + " bytes");
            }
        }

        void wis() {
            Arrays.fill(materiaal, (byte) 0);
        }

        @Override
        public String toString() {
            return "Kek[id=" + id + ", materiaal=***]";
        }
    }
}
