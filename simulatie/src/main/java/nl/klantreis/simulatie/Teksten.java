package nl.klantreis.simulatie;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Short Dutch texts as employees and systems write them: what a contact was about, why a zaak
 * waits, what a status means for the klant. Obviously made up; never a real person's words.
 */
final class Teksten {
    private Teksten() {
    }

    private static final Map<String, List<String>> OMSCHRIJVINGEN = Map.of(
            "melding-openbare-ruimte", List.of("Losliggende stoeptegel", "Volle afvalcontainer", "Kapotte lantaarnpaal",
                    "Zwerfafval bij de speeltuin", "Gat in het wegdek", "Overhangende takken", "Fietswrak bij het station",
                    "Verstopte put", "Graffiti op de brug", "Kapotte bank in het park"),
            "omgevingsvergunning", List.of("Dakkapel aan de achterzijde", "Uitbouw van de keuken", "Kappen van een boom",
                    "Aanleg van een uitrit", "Zonnepanelen op een monument", "Schuur in de achtertuin"),
            "paspoort-aanvragen", List.of("Paspoort aanvragen", "Identiteitskaart aanvragen",
                    "Paspoort en identiteitskaart", "Paspoort voor een kind"),
            "verhuizing-doorgeven", List.of("Verhuizing binnen de gemeente", "Verhuizing naar de gemeente",
                    "Inwoning bij familie"),
            "parkeervergunning", List.of("Bewonersvergunning eerste auto", "Bewonersvergunning tweede auto",
                    "Bedrijfsvergunning", "Kenteken wijzigen op vergunning"),
            "bijstandsaanvraag", List.of("Aanvraag bijstand levensonderhoud", "Aanvraag bijstand na ontslag"),
            "wmo-voorziening", List.of("Huishoudelijke ondersteuning", "Traplift", "Scootmobiel",
                    "Aanpassing van de badkamer", "Begeleiding thuis"),
            "avg-inzageverzoek", List.of("Inzage in persoonsgegevens", "Inzage in het dossier"));

    private static final List<String> ALGEMENE_VRAGEN = List.of(
            "Vraagt naar de openingstijden van het stadskantoor.",
            "Vraag over de afvalkalender en de ophaaldag.",
            "Wil weten hoe hij een afspraak maakt.",
            "Vraagt naar de hoogte van de afvalstoffenheffing.",
            "Vraag over kwijtschelding van gemeentelijke belastingen.",
            "Wil een grofvuilafspraak maken.",
            "Vraagt waar hij een uittreksel kan aanvragen.",
            "Vraag over de WOZ-waarde van de woning.",
            "Klacht over geluidsoverlast in de buurt.",
            "Vraagt hoe de energietoeslag werkt.",
            "Wil weten waar de milieustraat is.",
            "Vraag over een rekening van de gemeente.");

    private static final List<String> ORIENTATIE = List.of(
            "Vraagt welke stukken nodig zijn voor: %s.",
            "Wil weten hoe lang %s duurt.",
            "Vraagt wat %s kost.",
            "Vraagt of hij dit online kan regelen: %s.",
            "Twijfelt of hij iets moet aanvragen voor: %s.");

    private static final List<String> STATUS_NAVRAAG = List.of(
            "Vraagt hoe het staat met de aanvraag.",
            "Wil weten wanneer er een besluit komt.",
            "Belt voor de tweede keer over de voortgang.",
            "Heeft nog niets gehoord en vraagt naar de stand van zaken.",
            "Vraagt of de stukken goed zijn ontvangen.",
            "Wil weten wie de zaak behandelt.");

    private static final List<String> NAZORG = List.of(
            "Vraagt een toelichting op het besluit.",
            "Vraagt hoe hij bezwaar kan maken.",
            "Bedankt voor de snelle afhandeling.",
            "Vraagt of de afhandeling definitief is.");

    private static final List<String> AANVULLING = List.of(
            "Stuurt de gevraagde stukken na.",
            "Levert de ontbrekende gegevens aan.",
            "Stuurt een foto van de situatie.",
            "Geeft de gevraagde toelichting.");

    private static final List<String> TERUGBELLEN = List.of(
            "Teruggebeld zoals afgesproken; vraag beantwoord.",
            "Teruggebeld en uitleg gegeven.",
            "Teruggebeld; klant neemt zelf nog contact op.");

    private static final Map<String, List<String>> TOELICHTING_ACTIE = Map.of(
            "omgevingsvergunning", List.of("Wij missen een bouwtekening van de achtergevel.",
                    "Stuur ons een situatietekening met de maten."),
            "bijstandsaanvraag", List.of("Stuur ons uw bankafschriften van de laatste drie maanden.",
                    "Wij missen een kopie van uw huurcontract."),
            "melding-openbare-ruimte", List.of("Kunt u de precieze plek aangeven?",
                    "Wij hebben een foto van de situatie nodig."),
            "avg-inzageverzoek", List.of("Stuur ons een kopie van uw identiteitsbewijs.",
                    "Over welke periode wilt u inzage?"),
            "verhuizing-doorgeven", List.of("Wij komen langs om het adres te controleren.",
                    "Stuur ons een kopie van uw huurcontract."),
            "paspoort-aanvragen", List.of("Maak een afspraak om uw document op te halen.",
                    "Neem uw oude document mee bij het ophalen."));

    private static final List<String> TOELICHTING_ALGEMEEN = List.of(
            "Uw aanvraag is doorgestuurd naar de vakafdeling.",
            "Een medewerker van de buitendienst komt binnenkort langs.",
            "Wij verwachten binnen twee weken een besluit.",
            "Wij nemen binnenkort contact met u op.",
            "De behandeling duurt langer door drukte.");

    private static final Map<String, String> AFSLUITING = Map.of(
            "toegekend", "Uw aanvraag is toegekend.",
            "afgewezen", "Uw aanvraag voldoet niet aan de voorwaarden. U ontvangt de brief met uitleg.",
            "ingetrokken", "U heeft uw aanvraag ingetrokken.",
            "afgehandeld", "Uw zaak is afgehandeld.",
            "buiten-behandeling", "Uw aanvraag is niet aangevuld en daarom niet in behandeling genomen.");

    private static final List<String> REDEN_OPSCHORTING = List.of(
            "Aanvullende gegevens gevraagd", "Wachten op advies", "Hersteltermijn voor de aanvrager");
    private static final List<String> REDEN_VERLENGING = List.of(
            "Advies van de brandweer nodig", "Ingewikkelde aanvraag", "Veel verzoeken tegelijk");

    static String omschrijving(String zaaktype, String standaard, SplittableRandom rng) {
        List<String> teksten = OMSCHRIJVINGEN.get(zaaktype);
        return teksten == null ? standaard : een(teksten, rng);
    }

    static String algemeneVraag(SplittableRandom rng) {
        return een(ALGEMENE_VRAGEN, rng);
    }

    static String orientatie(String zaaktypeOmschrijving, SplittableRandom rng) {
        return String.format(een(ORIENTATIE, rng), zaaktypeOmschrijving.toLowerCase(java.util.Locale.ROOT));
    }

    static String statusNavraag(SplittableRandom rng) {
        return een(STATUS_NAVRAAG, rng);
    }

    static String nazorg(SplittableRandom rng) {
        return een(NAZORG, rng);
    }

    static String aanvulling(SplittableRandom rng) {
        return een(AANVULLING, rng);
    }

    static String terugbellen(SplittableRandom rng) {
        return een(TERUGBELLEN, rng);
    }

    static String toelichtingActie(String zaaktype, SplittableRandom rng) {
        List<String> teksten = TOELICHTING_ACTIE.get(zaaktype);
        return teksten == null ? "Wij hebben meer informatie van u nodig." : een(teksten, rng);
    }

    static String toelichtingAlgemeen(SplittableRandom rng) {
        return een(TOELICHTING_ALGEMEEN, rng);
    }

    static String afsluiting(String resultaat) {
        return AFSLUITING.getOrDefault(resultaat, "Uw zaak is afgehandeld.");
    }

    static String redenOpschorting(SplittableRandom rng) {
        return een(REDEN_OPSCHORTING, rng);
    }

    static String redenVerlenging(SplittableRandom rng) {
        return een(REDEN_VERLENGING, rng);
    }

    static <T> T een(List<T> lijst, SplittableRandom rng) {
        return lijst.get(rng.nextInt(lijst.size()));
    }
}
