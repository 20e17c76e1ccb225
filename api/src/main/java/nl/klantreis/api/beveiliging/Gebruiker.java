package nl.klantreis.api.beveiliging;

import java.util.Objects;

/**
 * Who is calling, from his token: {@code actor} is the token's subject (an employee id, a
 * system, or for a burger an opaque id, never his BSN), {@code bsn} only in a burger's token.
 * toString never shows the BSN: it ends up in logs.
 *
 * @param organisatieonderdeel the department of an employee, when the token names one
 */
public record Gebruiker(String actor, Rol rol, String bsn, String organisatieonderdeel) {
    public Gebruiker {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(rol, "rol");
    }

    @Override
    public String toString() {
        return "Gebruiker[actor=" + actor + ", rol=" + rol.claim() + (bsn == null ? "" : ", bsn=***")
                + (organisatieonderdeel == null ? "" : ", organisatieonderdeel=" + organisatieonderdeel) + "]";
    }
}
