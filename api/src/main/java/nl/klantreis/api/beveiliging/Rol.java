package nl.klantreis.api.beveiliging;

import java.util.Optional;

/** The roles of API.md, as the {@code rol} claim of a token names them. */
public enum Rol {
    BRON("bron"), BURGER("burger"), MEDEWERKER("medewerker"), ANALIST("analist"), AUDITOR("auditor"),
    BEHEERDER("beheerder");

    // values() copies its array on every call; these are asked on every request (ADR 0033).
    private static final Rol[] ALLE = values();

    private final String claim;
    private final String autoriteit;

    Rol(String claim) {
        this.claim = claim;
        this.autoriteit = "ROLE_" + name();
    }

    public String claim() {
        return claim;
    }

    /** The Spring Security authority of this role. */
    public String autoriteit() {
        return autoriteit;
    }

    public static Optional<Rol> uitClaim(String claim) {
        for (Rol rol : ALLE) {
            if (rol.claim.equals(claim)) {
                return Optional.of(rol);
            }
        }
        return Optional.empty();
    }
}
