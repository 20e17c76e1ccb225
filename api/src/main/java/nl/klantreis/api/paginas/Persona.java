package nl.klantreis.api.paginas;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;

/**
 * Who is logged in, as the header shows it: the role in words, never a BSN (the header is on every
 * page, screenshots included).
 *
 * @param rol     the role of the login's token
 * @param rolnaam the role in plain Dutch
 * @param actor   the token's subject
 */
record Persona(Rol rol, String rolnaam, String actor) {

    static Persona uit(JwtAuthenticationToken aanmelding) {
        Rol rol = Rol.uitClaim(aanmelding.getToken().getClaimAsString(Tokenmaker.CLAIM_ROL)).orElseThrow();
        return new Persona(rol, rolnaam(rol), aanmelding.getToken().getSubject());
    }

    static String rolnaam(Rol rol) {
        return switch (rol) {
            case BURGER -> "Inwoner";
            case MEDEWERKER -> "KCC-medewerker";
            case ANALIST -> "Analist";
            case AUDITOR -> "Auditor";
            case BEHEERDER -> "Beheerder";
            case BRON -> "Bronsysteem";
        };
    }
}
