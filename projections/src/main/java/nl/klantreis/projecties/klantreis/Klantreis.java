package nl.klantreis.projecties.klantreis;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code Klantreis} shape of the query API (contract/API.md), as it stood at a peilmoment.
 * Ids are plain strings so the shape does not depend on which ObjectMapper writes it.
 *
 * @param status      {@value #LOPEND} or {@value #BEEINDIGD}
 * @param beeindigdOp always written, null while lopend: the field is part of the shape
 * @param stappen     in step order (by time; the zaak's registration before contacts at the same
 *                    moment; contacts by klantcontactId)
 */
public record Klantreis(String klantreisId, String klantId, Thema thema, String status, Instant gestartOp,
                        @JsonInclude(JsonInclude.Include.ALWAYS) Instant beeindigdOp, List<Stap> stappen,
                        List<Kanaalwissel> kanaalwissels) {
    public static final String LOPEND = "lopend";
    public static final String BEEINDIGD = "beeindigd";

    public Klantreis {
        stappen = List.copyOf(stappen);
        kanaalwissels = List.copyOf(kanaalwissels);
    }

    /** Exactly one of the two is set. */
    public record Thema(@JsonInclude(JsonInclude.Include.NON_NULL) String zaakId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String onderwerp) {
    }

    /**
     * @param soort          {@value #KLANTCONTACT} or {@value #ZAAK_GEREGISTREERD}
     * @param klantcontactId for a klantcontact
     * @param zaakId         the registered zaak, or the zaak a klantcontact names
     * @param resultaat      for a klantcontact
     */
    public record Stap(String soort, String kanaal, Instant op,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String klantcontactId,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String zaakId,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String resultaat) {
        public static final String KLANTCONTACT = "klantcontact";
        public static final String ZAAK_GEREGISTREERD = "zaak-geregistreerd";
    }

    /** @param op when the later of the two steps happened */
    public record Kanaalwissel(String van, String naar, Instant op, boolean warm) {
    }

    public boolean lopend() {
        return LOPEND.equals(status);
    }
}
