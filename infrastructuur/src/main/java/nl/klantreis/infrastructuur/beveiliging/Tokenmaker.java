package nl.klantreis.infrastructuur.beveiliging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import nl.klantreis.domein.gedeeld.Bsn;

/**
 * Mints the bearer tokens of local mode, signed with the {@link LokaleSleutel}: what the
 * municipality's identity provider does in production. Claims: {@code iss}
 * ({@value #UITGEVER}), {@code sub} (the actor), {@code rol}, {@code bsn} (a burger's only),
 * {@code organisatieonderdeel} (optional), {@code iat}, {@code exp}, {@code jti}.
 */
public final class Tokenmaker {
    public static final String UITGEVER = "klantreis-lokaal";
    public static final String CLAIM_ROL = "rol";
    public static final String CLAIM_BSN = "bsn";
    public static final String CLAIM_ORGANISATIEONDERDEEL = "organisatieonderdeel";
    public static final String ROL_BURGER = "burger";
    /**
     * The roles of API.md, as the {@code rol} claim names them. The api's {@code Rol} is the
     * authority (a test there keeps the two equal); this list lets tools refuse a typo before the
     * engine does.
     */
    public static final List<String> ROLLEN = List.of("bron", ROL_BURGER, "medewerker", "analist", "auditor",
            "beheerder");
    public static final Duration STANDAARD_GELDIGHEID = Duration.ofHours(8);

    private final LokaleSleutel sleutel;
    private final RSASSASigner ondertekenaar;
    private final Clock klok;

    public Tokenmaker(LokaleSleutel sleutel) {
        this(sleutel, Clock.systemUTC());
    }

    public Tokenmaker(LokaleSleutel sleutel, Clock klok) {
        this.sleutel = Objects.requireNonNull(sleutel, "sleutel");
        this.klok = Objects.requireNonNull(klok, "klok");
        try {
            this.ondertekenaar = new RSASSASigner(sleutel.jwk());
        } catch (JOSEException e) {
            throw new IllegalStateException("tokensleutel is niet bruikbaar om te ondertekenen", e);
        }
    }

    /** A token valid for {@link #STANDAARD_GELDIGHEID}. */
    public String maak(String actor, String rol, String bsn, String organisatieonderdeel) {
        return maak(actor, rol, bsn, organisatieonderdeel, STANDAARD_GELDIGHEID);
    }

    /**
     * @param actor               who acts: an employee or system id; for a burger an opaque id, never his BSN
     * @param rol                 one of {@link #ROLLEN}
     * @param bsn                 a valid BSN for a burger, null for every other role
     * @param organisatieonderdeel an employee's department, or null
     * @param geldigheid          how long the token is valid, more than zero
     */
    public String maak(String actor, String rol, String bsn, String organisatieonderdeel, Duration geldigheid) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("een token heeft een actor (sub) nodig");
        }
        if (!ROLLEN.contains(rol)) {
            throw new IllegalArgumentException("onbekende rol '" + rol + "'; bekend: " + String.join(", ", ROLLEN));
        }
        if (ROL_BURGER.equals(rol) && !Bsn.isGeldig(bsn)) {
            throw new IllegalArgumentException("een burgertoken heeft een geldig BSN nodig (9 cijfers en elfproef)");
        }
        if (!ROL_BURGER.equals(rol) && bsn != null) {
            throw new IllegalArgumentException("alleen een burgertoken draagt een BSN");
        }
        if (geldigheid == null || geldigheid.isNegative() || geldigheid.isZero()) {
            throw new IllegalArgumentException("de geldigheid van een token is meer dan nul");
        }
        Instant nu = klok.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(UITGEVER)
                .subject(actor)
                .claim(CLAIM_ROL, rol)
                .issueTime(Date.from(nu))
                .expirationTime(Date.from(nu.plus(geldigheid)))
                .jwtID(UUID.randomUUID().toString());
        if (bsn != null) {
            claims.claim(CLAIM_BSN, bsn);
        }
        if (organisatieonderdeel != null && !organisatieonderdeel.isBlank()) {
            claims.claim(CLAIM_ORGANISATIEONDERDEEL, organisatieonderdeel);
        }
        JWSHeader kop = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(sleutel.sleutelId()).build();
        SignedJWT token = new SignedJWT(kop, claims.build());
        try {
            token.sign(ondertekenaar);
        } catch (JOSEException e) {
            throw new IllegalStateException("token kon niet worden ondertekend", e);
        }
        return token.serialize();
    }
}
