package nl.klantreis.projecties.kpi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The KPIs of KLANTREIS-EN-KPI.md §3: what each selects by the period, and how it may be broken down. */
enum Kpisoort {
    CONTACTVOLUME("contactvolume", Selectie.CONTACTEN, Kpivraag.PER_KANAAL, Kpivraag.PER_ZAAKTYPE),
    HERHAALCONTACT_RATIO("herhaalcontact-ratio", Selectie.CONTACTEN, Kpivraag.PER_KANAAL, Kpivraag.PER_ZAAKTYPE),
    KLANTREIZEN("klantreizen", Selectie.KLANTREIZEN, Kpivraag.PER_KANAAL, Kpivraag.PER_ZAAKTYPE),
    CONTACTEN_PER_KLANTREIS("contacten-per-klantreis", Selectie.KLANTREIZEN, Kpivraag.PER_KANAAL,
            Kpivraag.PER_ZAAKTYPE),
    KANAALWISSEL_RATIO("kanaalwissel-ratio", Selectie.KLANTREIZEN, Kpivraag.PER_KANAAL, Kpivraag.PER_ZAAKTYPE),
    // The cells already are per kanaal; splitting them again by the first step's kanaal says nothing new.
    KANAALWISSEL_MATRIX("kanaalwissel-matrix", Selectie.KLANTREIZEN, Kpivraag.PER_ZAAKTYPE),
    FIRST_CONTACT_RESOLUTION("first-contact-resolution", Selectie.KLANTREIZEN, Kpivraag.PER_KANAAL,
            Kpivraag.PER_ZAAKTYPE),
    KOSTEN_PER_KLANTREIS("kosten-per-klantreis", Selectie.KLANTREIZEN, Kpivraag.PER_KANAAL, Kpivraag.PER_ZAAKTYPE),
    // A zaak has no kanaal of its own in the input, and status-navraag contacts per kanaal divided by
    // all zaken would mix two populations.
    STATUS_NAVRAAG_PER_ZAAK("status-navraag-per-zaak", Selectie.ZAKEN_EN_CONTACTEN, Kpivraag.PER_ZAAKTYPE),
    DOORLOOPTIJD("doorlooptijd", Selectie.ZAKEN, Kpivraag.PER_ZAAKTYPE),
    BINNEN_SERVICENORM("binnen-servicenorm", Selectie.ZAKEN, Kpivraag.PER_ZAAKTYPE);

    /** Which facts the period selects, and so which input streams a KPI reads. */
    enum Selectie {
        KLANTREIZEN, CONTACTEN, ZAKEN, ZAKEN_EN_CONTACTEN
    }

    private final String code;
    private final Selectie selectie;
    private final List<String> per;

    Kpisoort(String code, Selectie selectie, String... per) {
        this.code = code;
        this.selectie = selectie;
        this.per = List.of(per);
    }

    static Optional<Kpisoort> metCode(String code) {
        return Arrays.stream(values()).filter(soort -> soort.code.equals(code)).findFirst();
    }

    String code() {
        return code;
    }

    Selectie selectie() {
        return selectie;
    }

    /** The values of {@code per} this KPI accepts. */
    List<String> per() {
        return per;
    }

    boolean leestKlanten() {
        return selectie != Selectie.ZAKEN;
    }

    boolean leestZaken() {
        return selectie == Selectie.ZAKEN || selectie == Selectie.ZAKEN_EN_CONTACTEN;
    }
}
