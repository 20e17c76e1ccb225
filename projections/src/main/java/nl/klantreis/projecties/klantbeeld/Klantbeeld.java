package nl.klantreis.projecties.klantbeeld;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.klantreis.projecties.klantreis.Klantreis;

/**
 * The {@code Klantbeeld} shape of the query API (contract/API.md): one view of a klant across
 * kanalen for an employee, so nobody has to tell his story twice.
 *
 * @param bsn                set for a klant known by BSN whose number can still be read
 * @param kvk                set for a klant known by KVK number whose number can still be read
 * @param kanaalvoorkeur     the preference that applies per onderwerp (the general one first)
 * @param openZaken          the Zaakkaarten of his open zaken, as the MijnZaken read model gave them
 * @param recenteContacten   newest first
 * @param openVervolgacties  oldest first: the one waiting longest on top
 * @param kanaalmix          contacts per kanaal in the 12 months up to the peilmoment, most used first
 * @param lopendeKlantreizen in order of start
 * @param <Z>                the Zaakkaart type of the MijnZaken read model
 */
public record Klantbeeld<Z>(String klantId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String bsn,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String kvk,
                            List<Kanaalvoorkeur> kanaalvoorkeur,
                            List<Z> openZaken,
                            List<Contact> recenteContacten,
                            List<Vervolgactie> openVervolgacties,
                            List<Kanaalgebruik> kanaalmix,
                            List<Klantreis> lopendeKlantreizen) {

    public Klantbeeld {
        kanaalvoorkeur = List.copyOf(kanaalvoorkeur);
        // A copy, so the caller cannot change the view later; not List.copyOf, which refuses nulls.
        openZaken = openZaken == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(openZaken));
        recenteContacten = List.copyOf(recenteContacten);
        openVervolgacties = List.copyOf(openVervolgacties);
        kanaalmix = List.copyOf(kanaalmix);
        lopendeKlantreizen = List.copyOf(lopendeKlantreizen);
    }

    /** @param onderwerp null: the preference for everything */
    public record Kanaalvoorkeur(String kanaal, @JsonInclude(JsonInclude.Include.NON_NULL) String onderwerp,
                                 Instant vastgelegdOp) {
    }

    /**
     * @param inhoud     what was said, decrypted; null when there was none or it can no longer be read
     * @param medewerker null for a contact without an employee (a webformulier)
     */
    public record Contact(String klantcontactId, String kanaal, Instant plaatsgevondenOp, String onderwerp,
                          String resultaat,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String inhoud,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String medewerker) {
    }

    /**
     * A terugbelverzoek or doorverwijzing that no later contact in its klantreis has followed yet.
     *
     * @param soort {@value #TERUGBELVERZOEK} or {@value #DOORVERWIJZING}
     * @param sinds when the contact that asked for it took place
     */
    public record Vervolgactie(String klantcontactId, String soort, String kanaal,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String doorverwezenNaar, Instant sinds) {
        public static final String TERUGBELVERZOEK = "terugbelverzoek";
        public static final String DOORVERWIJZING = "doorverwijzing";
    }

    public record Kanaalgebruik(String kanaal, int aantal) {
    }
}
