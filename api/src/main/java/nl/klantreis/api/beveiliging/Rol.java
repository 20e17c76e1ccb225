package nl.klantreis.api.beveiliging;

import java.util.Arrays;
import java.util.Optional;

/** The roles of API.md, as the {@code rol} claim of a token names them. */
public enum Rol {
    BRON("bron"), BURGER("burger"), MEDEWERKER("medewerker"), ANALIST("analist"), AUDITOR("auditor"),
    BEHEERDER("beheerder");

    private final String claim;

    Rol(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    /** The Spring Security authority of this role. */
    public String autoriteit() {
        return "ROLE_" + name();
    }

    public static Optional<Rol> uitClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
