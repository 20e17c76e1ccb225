package nl.klantreis.api.web;

import java.util.List;

/** One or more query parameters are invalid; answered 400 with each of them named. */
public final class OngeldigeParameters extends RuntimeException {
    private final List<Parameterfout> fouten;

    public OngeldigeParameters(List<Parameterfout> fouten) {
        super("ongeldige parameters", null, false, false);
        this.fouten = List.copyOf(fouten);
    }

    public List<Parameterfout> fouten() {
        return fouten;
    }

    /** @param parameter the query parameter (or body field) at fault */
    public record Parameterfout(String parameter, String detail) {
    }
}
