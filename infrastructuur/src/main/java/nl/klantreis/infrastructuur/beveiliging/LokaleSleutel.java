package nl.klantreis.infrastructuur.beveiliging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The key that signs and checks the tokens of local mode: an RSA 2048 key pair (RS256), made on
 * the first start and kept as a JWK in {@code <data-map>/sleutels/token-ondertekening.jwk}, so that
 * tokens stay valid across restarts and the command-line tools sign with the same key as the
 * engine checks with.
 *
 * <p>RSA rather than EC: every request is verified and only a few tokens are ever signed, and RSA
 * verification is far cheaper than ECDSA; identity providers use RS256 too.
 *
 * <p>The file is readable by its owner only where the file system knows permissions. It appears
 * complete or not at all: a new key is written to a temporary file and then hard-linked to its
 * name, which fails if the name exists; so of two processes starting at once, one key wins and
 * both use it.
 */
public final class LokaleSleutel {
    private static final Logger LOG = LoggerFactory.getLogger(LokaleSleutel.class);
    static final String MAP = "sleutels";
    static final String BESTAND = "token-ondertekening.jwk";
    private static final Set<PosixFilePermission> ALLEEN_EIGENAAR_BESTAND =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> ALLEEN_EIGENAAR_MAP = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final RSAKey sleutel;
    private final Path bestand;

    private LokaleSleutel(RSAKey sleutel, Path bestand) {
        this.sleutel = sleutel;
        this.bestand = bestand;
    }

    /** Where the key of the engine with this data directory is kept. */
    public static Path bestand(Path dataMap) {
        return dataMap.resolve(MAP).resolve(BESTAND).toAbsolutePath().normalize();
    }

    /** The key kept under this data directory; made (and kept) first if there is none yet. */
    public static LokaleSleutel laadOfMaak(Path dataMap) {
        Path bestand = bestand(dataMap);
        try {
            if (!Files.exists(bestand)) {
                maak(bestand);
            }
            return new LokaleSleutel(lees(bestand), bestand);
        } catch (IOException e) {
            throw new UncheckedIOException("tokensleutel " + bestand + " niet te lezen of te maken", e);
        }
    }

    /** The key kept under this data directory; fails when there is none (for tools that must not make one). */
    public static LokaleSleutel laad(Path dataMap) {
        Path bestand = bestand(dataMap);
        try {
            return new LokaleSleutel(lees(bestand), bestand);
        } catch (IOException e) {
            throw new UncheckedIOException("tokensleutel " + bestand + " niet te lezen; start de engine eerst"
                    + " met deze datamap", e);
        }
    }

    /** The private and public key, for signing. */
    public RSAKey jwk() {
        return sleutel;
    }

    /** Only the public half, as a JWK (what a JWKS endpoint would publish). */
    public RSAKey publiekeJwk() {
        return sleutel.toPublicJWK();
    }

    /** Only the public half, as a JWK Set. */
    public JWKSet publiekeJwkSet() {
        return new JWKSet(publiekeJwk());
    }

    /** The public key, for checking signatures. */
    public RSAPublicKey publiekeSleutel() {
        try {
            return sleutel.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("tokensleutel " + bestand + " heeft geen bruikbare publieke sleutel", e);
        }
    }

    public String sleutelId() {
        return sleutel.getKeyID();
    }

    public Path pad() {
        return bestand;
    }

    /** Never the key itself: toString ends up in logs. */
    @Override
    public String toString() {
        return "LokaleSleutel[kid=" + sleutel.getKeyID() + ", bestand=" + bestand + "]";
    }

    private static RSAKey lees(Path bestand) throws IOException {
        JWK jwk;
        try {
            jwk = JWK.parse(Files.readString(bestand, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("tokensleutel " + bestand + " is geen leesbare JWK", e);
        }
        if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
            throw new IllegalStateException("tokensleutel " + bestand + " is geen private RSA-sleutel");
        }
        waarschuwBijOpenRechten(bestand);
        return rsa;
    }

    private static void maak(Path bestand) throws IOException {
        Path map = bestand.getParent();
        maakMap(map);
        RSAKey nieuw = nieuweSleutel();
        Path tijdelijk = map.resolve("." + BESTAND + "." + UUID.randomUUID() + ".tmp");
        try {
            schrijfAlleenVoorEigenaar(tijdelijk, nieuw.toJSONString().getBytes(StandardCharsets.UTF_8));
            try {
                Files.createLink(bestand, tijdelijk);
                LOG.info("Nieuwe tokensleutel gemaakt: {} (kid {})", bestand, nieuw.getKeyID());
            } catch (FileAlreadyExistsException e) {
                LOG.debug("Tokensleutel {} is tegelijk door een ander proces gemaakt; die wordt gebruikt", bestand);
            } catch (UnsupportedOperationException | FileSystemException e) {
                // No hard links here: a move without replace is the nearest, with a tiny window for a race.
                try {
                    Files.move(tijdelijk, bestand);
                    LOG.info("Nieuwe tokensleutel gemaakt: {} (kid {})", bestand, nieuw.getKeyID());
                } catch (FileAlreadyExistsException bestaat) {
                    LOG.debug("Tokensleutel {} is tegelijk door een ander proces gemaakt; die wordt gebruikt", bestand);
                }
            }
        } finally {
            Files.deleteIfExists(tijdelijk);
        }
    }

    private static RSAKey nieuweSleutel() {
        try {
            RSAKey sleutel = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            return new RSAKey.Builder(sleutel).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("tokensleutel kon niet worden gemaakt", e);
        }
    }

    private static void maakMap(Path map) throws IOException {
        if (Files.isDirectory(map)) {
            return;
        }
        if (ondersteuntPosix(map)) {
            try {
                Files.createDirectories(map, PosixFilePermissions.asFileAttribute(ALLEEN_EIGENAAR_MAP));
            } catch (FileAlreadyExistsException e) {
                // made by another process in the meantime
            }
        } else {
            Files.createDirectories(map);
            beperkAcl(map);
        }
    }

    /** Written and forced to disk before it gets its name, so the name never points at half a key. */
    private static void schrijfAlleenVoorEigenaar(Path bestand, byte[] inhoud) throws IOException {
        boolean posix = ondersteuntPosix(bestand.getParent());
        try (FileChannel kanaal = posix
                ? FileChannel.open(bestand, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(ALLEEN_EIGENAAR_BESTAND))
                : FileChannel.open(bestand, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (!posix) {
                beperkAcl(bestand);
            }
            ByteBuffer buffer = ByteBuffer.wrap(inhoud);
            while (buffer.hasRemaining()) {
                kanaal.write(buffer);
            }
            kanaal.force(true);
        }
    }

    private static boolean ondersteuntPosix(Path pad) {
        Path bestaand = pad;
        while (bestaand != null && !Files.exists(bestaand)) {
            bestaand = bestaand.getParent();
        }
        return (bestaand == null ? pad.getFileSystem() : bestaand.getFileSystem())
                .supportedFileAttributeViews().contains("posix");
    }

    /** Where the file system has ACLs instead (Windows): one entry, for the owner. */
    private static void beperkAcl(Path pad) {
        AclFileAttributeView acl = Files.getFileAttributeView(pad, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        try {
            UserPrincipal eigenaar = acl.getOwner();
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(eigenaar)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
        } catch (IOException e) {
            LOG.warn("Rechten van {} niet te beperken tot de eigenaar: {}", pad, e.getMessage());
        }
    }

    private static void waarschuwBijOpenRechten(Path bestand) {
        try {
            if (ondersteuntPosix(bestand)) {
                Set<PosixFilePermission> rechten = Files.getPosixFilePermissions(bestand);
                if (!ALLEEN_EIGENAAR_BESTAND.containsAll(rechten)) {
                    LOG.warn("Tokensleutel {} is leesbaar voor anderen dan de eigenaar ({}); maak hem rw-------",
                            bestand, PosixFilePermissions.toString(rechten));
                }
            }
        } catch (IOException e) {
            LOG.debug("Rechten van {} niet te lezen: {}", bestand, e.getMessage());
        }
    }
}
