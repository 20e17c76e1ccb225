package nl.klantreis.api.paginas.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.projecties.kpi.Kpicijfers;
import nl.klantreis.projecties.kpi.Kpideel;
import nl.klantreis.projecties.kpi.Kpiuitkomst;
import nl.klantreis.projecties.kpi.Kpivraag;

/**
 * The dashboard's figures as rows: every KPI of KLANTREIS-EN-KPI.md with its teller and noemer, and
 * per kanaal or zaaktype when asked; then contactvolume per kanaal, doorlooptijd and
 * binnen-servicenorm per zaaktype, and kosten per klantreis, from the same answers.
 *
 * @param kpis          one row per KPI, in the contract's order
 * @param contactvolume contacts per kanaal
 * @param zaaktypen     doorlooptijd p50/p90 and binnen-servicenorm per zaaktype
 * @param kosten        the mean kosten per ended klantreis, with what it rests on
 */
public record Kpioverzicht(List<Kpiregel> kpis, List<Deelregel> contactvolume, List<Zaaktyperegel> zaaktypen,
                    Kostenregel kosten) {

    /**
     * One KPI.
     *
     * @param uitgesplitst false when the KPI cannot be broken down as asked (its row stands alone)
     * @param delen        the uitsplitsing, empty without one
     */
    public record Kpiregel(String code, String naam, String uitleg, String waarde, String teller, String noemer,
                    boolean uitgesplitst, List<Deelregel> delen) {
    }

    public record Deelregel(String sleutel, String waarde, String teller, String noemer) {
    }

    public record Zaaktyperegel(String zaaktype, String afgesloten, String p50, String p90, String binnenNorm,
                         String teller, String noemer) {
    }

    public record Kostenregel(String gemiddeld, String totaal, String klantreizen, String contactenZonderKosten) {
    }

    static final String NVT = "n.v.t.";

    /** Names and one-line meanings, in the order of the contract's table. */
    static final Map<String, String[]> NAMEN = Map.ofEntries(
            Map.entry("contactvolume", new String[] {"Contactvolume", "Klantcontacten in de periode."}),
            Map.entry("klantreizen", new String[] {"Klantreizen", "Klantreizen met hun eerste stap in de periode."}),
            Map.entry("contacten-per-klantreis", new String[] {"Contacten per klantreis",
                    "Gemiddeld aantal klantcontacten per beëindigde klantreis."}),
            Map.entry("kanaalwissel-ratio", new String[] {"Klantreizen met een kanaalwissel",
                    "Beëindigde klantreizen met minstens één kanaalwissel, gedeeld door alle beëindigde."}),
            Map.entry("kanaalwissel-matrix", new String[] {"Kanaalwissels",
                    "Alle kanaalwissels van de klantreizen."}),
            Map.entry("first-contact-resolution", new String[] {"Opgelost bij het eerste contact",
                    "Beëindigde klantreizen over een onderwerp met precies één contact, beantwoord."}),
            Map.entry("herhaalcontact-ratio", new String[] {"Herhaalcontact",
                    "Klantcontacten binnen 7 dagen na het vorige contact van dezelfde klantreis."}),
            Map.entry("status-navraag-per-zaak", new String[] {"Statusnavraag per zaak",
                    "Contacten 'waar staat mijn zaak' over de zaken geregistreerd in de periode."}),
            Map.entry("doorlooptijd", new String[] {"Doorlooptijd",
                    "Afgesloten zaken; p50 en p90 in uren per zaaktype staan hieronder."}),
            Map.entry("binnen-servicenorm", new String[] {"Binnen de servicenorm",
                    "Afgesloten zaken die op tijd waren, gedeeld door alle afgesloten zaken."}),
            Map.entry("kosten-per-klantreis", new String[] {"Kosten per klantreis",
                    "Gemiddelde kosten van de klantcontacten per beëindigde klantreis (teller in euro)."}));

    /**
     * @param uitkomsten per KPI code the answer to the question as asked (or, when it cannot be
     *                   broken down so, without uitsplitsing)
     * @param volume     contactvolume without uitsplitsing (always split per kanaal)
     */
    static Kpioverzicht van(List<Kpiuitkomst> uitkomsten, String per, Kpiuitkomst volume, Kanalen kanalen) {
        Function<Kpideel, String> sleutel = deel -> deel.kanaal() != null ? Opmaak.kanaal(kanalen, deel.kanaal())
                : deel.zaaktype();
        List<Kpiregel> regels = new ArrayList<>();
        Kpiuitkomst doorlooptijd = null;
        Kpiuitkomst servicenorm = null;
        Kostenregel kosten = null;
        for (Kpiuitkomst uitkomst : uitkomsten) {
            Kpicijfers cijfers = uitkomst.cijfers();
            String[] naam = NAMEN.getOrDefault(uitkomst.kpi(), new String[] {uitkomst.kpi(), ""});
            boolean gevraagd = per != null && isUitgesplitst(uitkomst.kpi(), per, cijfers);
            List<Deelregel> delen = gevraagd ? cijfers.uitsplitsing().stream()
                    .map(deel -> deelregel(sleutel.apply(deel), deel.cijfers())).toList() : List.of();
            Deelregel totaal = deelregel("Alles", cijfers);
            regels.add(new Kpiregel(uitkomst.kpi(), naam[0], naam[1], totaal.waarde(), totaal.teller(),
                    totaal.noemer(), per == null || gevraagd, delen));
            switch (uitkomst.kpi()) {
                case "doorlooptijd" -> doorlooptijd = uitkomst;
                case "binnen-servicenorm" -> servicenorm = uitkomst;
                case "kosten-per-klantreis" -> kosten = new Kostenregel(Opmaak.euro(cijfers.waardeCent()),
                        Opmaak.euro(cijfers.teller()), Opmaak.aantal(cijfers.klantreizen()),
                        Opmaak.aantal(cijfers.contactenZonderKosten()));
                default -> { }
            }
        }
        List<Deelregel> perKanaal = volume.cijfers().uitsplitsing() == null ? List.of()
                : volume.cijfers().uitsplitsing().stream()
                        .map(deel -> new Deelregel(Opmaak.kanaal(kanalen, deel.kanaal()),
                                Opmaak.aantal(deel.cijfers().aantal()), NVT, NVT)).toList();
        return new Kpioverzicht(regels, perKanaal, zaaktypen(doorlooptijd, servicenorm), kosten);
    }

    /**
     * Whether the answer carries the uitsplitsing asked: contactvolume always splits per kanaal, and
     * doorlooptijd and binnen-servicenorm always per zaaktype, so those say it by their key.
     */
    private static boolean isUitgesplitst(String kpi, String per, Kpicijfers cijfers) {
        if (cijfers.uitsplitsing() == null) {
            return false;
        }
        boolean perKanaal = Kpivraag.PER_KANAAL.equals(per);
        return cijfers.uitsplitsing().stream().allMatch(deel -> perKanaal ? deel.kanaal() != null : deel.zaaktype() != null)
                && !(perKanaal && (kpi.equals("doorlooptijd") || kpi.equals("binnen-servicenorm")));
    }

    /** The figures of one row: a count, a ratio or mean with teller and noemer, or money. */
    static Deelregel deelregel(String sleutel, Kpicijfers cijfers) {
        if (cijfers.klantreizen() != null) {
            return new Deelregel(sleutel, Opmaak.euro(cijfers.waardeCent()), Opmaak.euro(cijfers.teller()),
                    Opmaak.aantal(cijfers.noemer()));
        }
        if (cijfers.noemer() != null) {
            return new Deelregel(sleutel, Opmaak.waarde(cijfers.waarde()), Opmaak.aantal(cijfers.teller()),
                    Opmaak.aantal(cijfers.noemer()));
        }
        return new Deelregel(sleutel, Opmaak.aantal(cijfers.aantal()), NVT, NVT);
    }

    private static List<Zaaktyperegel> zaaktypen(Kpiuitkomst doorlooptijd, Kpiuitkomst servicenorm) {
        if (doorlooptijd == null || servicenorm == null || doorlooptijd.cijfers().uitsplitsing() == null) {
            return List.of();
        }
        List<Zaaktyperegel> regels = new ArrayList<>();
        for (Kpideel deel : doorlooptijd.cijfers().uitsplitsing()) {
            Kpicijfers norm = servicenorm.cijfers().uitsplitsing() == null ? null : servicenorm.cijfers().uitsplitsing()
                    .stream().filter(d -> deel.zaaktype().equals(d.zaaktype())).map(Kpideel::cijfers).findFirst()
                    .orElse(null);
            Kpicijfers tijd = deel.cijfers();
            regels.add(new Zaaktyperegel(deel.zaaktype(), Opmaak.aantal(tijd.aantal()), uren(tijd.p50Uren()),
                    uren(tijd.p90Uren()), norm == null ? Opmaak.NIETS : Opmaak.waarde(norm.waarde()),
                    norm == null ? "0" : Opmaak.aantal(norm.teller()), norm == null ? "0" : Opmaak.aantal(norm.noemer())));
        }
        return regels;
    }

    private static String uren(Long uren) {
        return uren == null ? "geen afgesloten zaken" : Opmaak.aantal(uren) + " uur";
    }
}
