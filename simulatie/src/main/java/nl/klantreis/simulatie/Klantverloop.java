package nl.klantreis.simulatie;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.domein.referentie.Statustype;
import nl.klantreis.domein.referentie.Zaaktype;

/**
 * Everything one klant does in the simulated municipality: his zaken with their statussen,
 * opschortingen, verlengingen and afsluiting, and his klantcontacten around them (orientation
 * before a zaak, the application itself, "where is my zaak" questions, after-care), plus
 * unrelated questions, a kanaalvoorkeur now and then and, on the side, anonymous contacts.
 *
 * <p>Only what happened by {@link Opzet#nu} is sent. The messages come out in the order the
 * systems logged them ({@code time}), as a faultless delivery would bring them.
 */
final class Klantverloop {
    static final String INKOMEND = "inkomend";
    static final String UITGAAND = "uitgaand";
    static final String BEANTWOORD = "beantwoord";
    static final String DOORVERWEZEN = "doorverwezen";
    static final String TERUGBELVERZOEK = "terugbelverzoek";
    static final String ZAAK_GESTART = "zaak-gestart";
    static final String NIET_BEREIKT = "niet-bereikt";
    static final String STATUS_NAVRAAG = "status-navraag";
    static final String ALGEMENE_VRAAG = "algemene-vraag";
    static final String ACTIE_NODIG = "actie_nodig";

    private static final double KANS_KVK = 0.10;
    private static final double KANS_INHOUD = 0.5;
    private static final double KANS_ORIENTATIE = 0.30;
    private static final double KANS_WARM = 0.6;
    private static final double KANS_VIA_CONTACT = 0.75;
    private static final double KANS_OVERSCHRIJDING = 0.18;
    private static final double KANS_OPEN_BLIJVEN = 0.08;
    private static final double KANS_ANONIEM = 0.12;
    private static final long DAG = 86_400;

    private static final Gewogen<Integer> ZAKEN_BSN = Gewogen.van(0, 15, 1, 45, 2, 25, 3, 10, 4, 5);
    private static final Gewogen<Integer> ZAKEN_KVK = Gewogen.van(0, 10, 1, 40, 2, 30, 3, 12, 4, 8);
    private static final Gewogen<Integer> ALGEMENE_VRAGEN = Gewogen.van(0, 45, 1, 33, 2, 14, 3, 8);
    private static final Gewogen<Integer> NAVRAGEN = Gewogen.van(0, 62, 1, 24, 2, 9, 3, 5);
    private static final Gewogen<String> RESULTAAT_ALGEMEEN = Gewogen.van(BEANTWOORD, 72, DOORVERWEZEN, 16,
            TERUGBELVERZOEK, 12);
    private static final Gewogen<String> RESULTAAT_NAVRAAG = Gewogen.van(BEANTWOORD, 80, TERUGBELVERZOEK, 12,
            DOORVERWEZEN, 8);
    private static final Gewogen<String> RESULTAAT_ORIENTATIE = Gewogen.van(DOORVERWEZEN, 60, BEANTWOORD, 32,
            TERUGBELVERZOEK, 8);
    /** Verlengingen in whole weeks mostly; capped by the zaaktype's verlengingDagen. */
    private static final Gewogen<Integer> VERLENGING = Gewogen.van(14, 30, 21, 20, 28, 20, 42, 20, 60, 10);
    private static final Gewogen<String> DOORVERWIJZING = Gewogen.van("webformulier", 55, "mijn-omgeving", 15,
            "balie", 15, "telefoon", 15);
    private static final List<String> ZELFBEDIENING = List.of("webformulier", "app", "mijn-omgeving", "balie", "email");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One message as sent, with what fault injection needs to know about it. */
    record Verzonden(Instant gelogd, int volgorde, Soort soort, UUID zaakId, ObjectNode bericht) {
    }

    enum Soort { KLANTCONTACT, ZAAK_GEREGISTREERD, STATUS, ZAAKFEIT, KANAALVOORKEUR }

    private final Opzet opzet;
    private final int index;
    private final SplittableRandom rng;
    private final Berichtmaker maker;
    private final List<Verzonden> uit = new ArrayList<>();
    private boolean kvk;
    private ObjectNode klant;

    Klantverloop(Opzet opzet, int index, SplittableRandom rng) {
        this.opzet = opzet;
        this.index = index;
        this.rng = rng;
        this.maker = new Berichtmaker(opzet.zaadlabel, index);
    }

    List<Verzonden> genereer() {
        kvk = rng.nextDouble() < KANS_KVK;
        klant = JSON.objectNode();
        if (kvk) {
            klant.put("kvk", opzet.identificaties.kvk(index));
        } else {
            klant.put("bsn", opzet.identificaties.bsn(index, rng));
        }

        int zaken = (kvk ? ZAKEN_KVK : ZAKEN_BSN).kies(rng);
        for (int z = 0; z < zaken; z++) {
            zaak(z);
        }
        int vragen = ALGEMENE_VRAGEN.kies(rng);
        for (int v = 0; v < vragen; v++) {
            algemeneVraag();
        }
        if (rng.nextDouble() < 0.08) {
            orientatieZonderZaak();
        }
        if (rng.nextDouble() < 0.05) {
            kanaalvoorkeur();
        }
        if (rng.nextDouble() < KANS_ANONIEM) {
            anoniemContact();
        }
        if (uit.isEmpty()) {
            algemeneVraag();
        }
        uit.sort(Comparator.comparing(Verzonden::gelogd).thenComparingInt(Verzonden::volgorde));
        return uit;
    }

    // ------------------------------------------------------------------ zaken

    private void zaak(int nummer) {
        Zaaktype zaaktype = (kvk ? opzet.zaaktypenKvk : opzet.zaaktypenBsn).kies(rng);
        String zaakkanaal = opzet.zaakkanaal(zaaktype.code()).kies(rng);
        Kanaalsysteem systeem = opzet.systeem(zaakkanaal);
        LocalDate dag = dagIn(opzet.van, opzet.tot);
        Instant aanvraag = moment(dag, systeem.uren());
        if (!aanvraag.isBefore(opzet.nu)) {
            return;
        }
        UUID zaakId = Identificaties.uuid(rng);

        UUID orientatie = null;
        if (rng.nextDouble() < KANS_ORIENTATIE) {
            // The klant asks first, 1 to 13 days before he applies (within the 14 days of the rule).
            LocalDate eerder = dag.minusDays(1 + rng.nextInt(13));
            String kanaal = opzet.orientatie.kies(rng);
            Instant op = moment(eerder, opzet.systeem(kanaal).uren());
            if (!eerder.isBefore(opzet.van) && op.isBefore(aanvraag.minus(Duration.ofHours(1)))) {
                String resultaat = RESULTAAT_ORIENTATIE.kies(rng);
                String naar = DOORVERWEZEN.equals(resultaat)
                        ? (ZELFBEDIENING.contains(zaakkanaal) ? zaakkanaal : "webformulier") : null;
                orientatie = contact(op, kanaal, INKOMEND, zaaktype.code(), null, resultaat, naar, null,
                        Teksten.orientatie(zaaktype.omschrijving(), rng));
            }
        }

        Instant registratie;
        if (!"huisbezoek".equals(zaakkanaal) && rng.nextDouble() < KANS_VIA_CONTACT) {
            // Warm when the application carries the earlier contact along, koud otherwise.
            UUID was = orientatie != null && rng.nextDouble() < KANS_WARM ? orientatie : null;
            contact(aanvraag, zaakkanaal, INKOMEND, zaaktype.code(), zaakId, ZAAK_GESTART, null, was,
                    "Aanvraag ingediend: " + zaaktype.omschrijving().toLowerCase(java.util.Locale.ROOT) + ".");
            registratie = aanvraag.plusSeconds(registratievertraging(zaakkanaal));
        } else {
            registratie = aanvraag.plusSeconds(3 + rng.nextInt(60));
        }
        if (registratie.isAfter(opzet.nu)) {
            return;
        }

        boolean signalen = "melding-openbare-ruimte".equals(zaaktype.code());
        Zaakzender zender = new Zaakzender(zaakId, signalen ? "signalen" : "zaaksysteem", signalen ? "sig" : "zs");
        ObjectNode geregistreerd = zender.verzend(Berichtmaker.ZAAK_GEREGISTREERD, registratie,
                Soort.ZAAK_GEREGISTREERD);
        ObjectNode data = Berichtmaker.data(geregistreerd);
        data.put("zaakId", zaakId.toString());
        int jaar = registratie.atZone(Simulatie.AMSTERDAM).getYear();
        data.put("identificatie", String.format("%s-%d-%08d", signalen ? "SIG" : "ZAAK", jaar, index * 8L + nummer));
        data.put("zaaktype", zaaktype.code());
        data.set("initiator", klant.deepCopy());
        data.put("kanaal", rng.nextDouble() < 0.1 ? systeem.kanaalZoalsVerzonden(rng) : zaakkanaal);
        data.put("geregistreerdOp", Berichtmaker.tijd(registratie));
        if (rng.nextDouble() < 0.85) {
            data.put("omschrijving", Teksten.omschrijving(zaaktype.code(), zaaktype.omschrijving(), rng));
        }
        if (rng.nextDouble() < 0.05) {
            data.put("uiterlijkeEinddatum", registratie.atZone(Simulatie.AMSTERDAM).toLocalDate()
                    .plusDays(zaaktype.servicenormDagen()).toString());
        }
        if (rng.nextDouble() < 0.03) {
            data.put("vertrouwelijkheid", zaaktype.vertrouwelijkheid().code());
        }

        levensloop(zaaktype, zaakId, registratie, zender);
    }

    /** Seconds between the application and the zaak's registration, by the kanaal it came through. */
    private long registratievertraging(String kanaal) {
        return switch (kanaal) {
            case "webformulier", "app", "mijn-omgeving" -> 3 + rng.nextInt(58);
            case "balie" -> 60 + rng.nextInt(840);
            case "telefoon", "chat" -> 120 + rng.nextInt(1_680);
            case "email", "social-media" -> 3_600 + rng.nextLong(47 * 3_600);
            case "brief" -> DAG + rng.nextLong(4 * DAG);
            default -> 60 + rng.nextInt(3_540);
        };
    }

    /**
     * The statussen in volgnummer order, over a span set by the servicenorm (some zaken
     * overrun it), with opschorting only where the zaaktype allows it and verlenging only up to
     * its verlengingDagen; most zaken are closed with one of the zaaktype's resultaten.
     */
    private void levensloop(Zaaktype zaaktype, UUID zaakId, Instant registratie, Zaakzender zender) {
        List<Statustype> statustypen = zaaktype.statustypen();
        double norm = Math.max(1, zaaktype.servicenormDagen());
        boolean overschrijding = rng.nextDouble() < KANS_OVERSCHRIJDING;
        double doorloop = norm * (overschrijding ? 1.05 + 0.8 * rng.nextDouble() : 0.2 + 0.8 * rng.nextDouble());

        // A verlenging is decided before the term would run out and makes the rest take longer.
        double verlengingOp = Double.MAX_VALUE;
        double verlengingExtra = 0;
        if (zaaktype.verlengingMogelijk() && zaaktype.verlengingDagen() > 0 && rng.nextDouble() < 0.2) {
            int duur = Math.max(1, Math.min(zaaktype.verlengingDagen(), VERLENGING.kies(rng)));
            verlengingOp = norm * (0.6 + 0.35 * rng.nextDouble());
            verlengingExtra = duur * (0.3 + 0.7 * rng.nextDouble());
            doorloop = Math.max(doorloop, verlengingOp + 1);
            Instant op = werktijd(registratie.plusSeconds((long) (verlengingOp * DAG)), registratie);
            ObjectNode verlengd = zender.verzend(Berichtmaker.ZAAK_VERLENGD, op, Soort.ZAAKFEIT);
            if (verlengd != null) {
                ObjectNode data = Berichtmaker.data(verlengd);
                data.put("zaakId", zaakId.toString());
                data.put("verlengdOp", Berichtmaker.tijd(op));
                data.put("duurDagen", duur);
                if (rng.nextDouble() < 0.7) {
                    data.put("reden", Teksten.redenVerlenging(rng));
                }
            }
        }

        List<Statustype> tussen = new ArrayList<>();
        for (int i = 1; i < statustypen.size() - 1; i++) {
            Statustype s = statustypen.get(i);
            if (rng.nextDouble() < (ACTIE_NODIG.equals(s.groep()) ? 0.35 : 0.85)) {
                tussen.add(s);
            }
        }
        double[] offsets = new double[tussen.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = doorloop * (0.05 + 0.85 * rng.nextDouble());
        }
        java.util.Arrays.sort(offsets);

        Instant eerste = registratie.plusSeconds(2 + rng.nextInt(28));
        status(zender, zaakId, statustypen.get(0), eerste, null);
        Instant vorige = eerste;
        double verschuiving = 0;
        boolean opgeschort = false;
        for (int i = 0; i < tussen.size(); i++) {
            Statustype s = tussen.get(i);
            double offset = offsets[i] + verschuiving + (offsets[i] >= verlengingOp ? verlengingExtra : 0);
            Instant op = werktijd(registratie.plusSeconds((long) (offset * DAG)), vorige);
            boolean actie = ACTIE_NODIG.equals(s.groep());
            String toelichting = actie && rng.nextDouble() < 0.6 ? Teksten.toelichtingActie(zaaktype.code(), rng)
                    : !actie && rng.nextDouble() < 0.1 ? Teksten.toelichtingAlgemeen(rng) : null;
            status(zender, zaakId, s, op, toelichting);
            vorige = op;
            if (actie && zaaktype.opschortingMogelijk() && !opgeschort && rng.nextDouble() < 0.8) {
                // The clock stands still while the klant is asked for something.
                opgeschort = true;
                int pauze = 2 + rng.nextInt(19);
                vorige = opschorting(zender, zaakId, op, pauze);
                verschuiving += pauze;
            }
            if (actie && rng.nextDouble() < 0.4) {
                Instant antwoord = op.plusSeconds(DAG / 2 + rng.nextLong(3 * DAG));
                String kanaal = opzet.aanvulling.kies(rng);
                contact(antwoord, kanaal, INKOMEND, zaaktype.code(), zaakId, BEANTWOORD, null, null,
                        Teksten.aanvulling(rng));
            }
            if ("onderzoek".equals(s.code()) && opzet.bekendKanaal("huisbezoek")) {
                Instant bezoek = werktijd(op.plusSeconds(2 * DAG + rng.nextLong(5 * DAG)), op);
                contact(bezoek, "huisbezoek", UITGAAND, zaaktype.code(), zaakId, BEANTWOORD, null, null,
                        "Keukentafelgesprek gevoerd over de ondersteuning thuis.");
            }
            if ("intake".equals(s.code()) && opzet.bekendKanaal("balie")) {
                Instant gesprek = werktijd(op.plusSeconds(3 * DAG + rng.nextLong(7 * DAG)), op);
                contact(gesprek, "balie", INKOMEND, zaaktype.code(), zaakId, BEANTWOORD, null, null,
                        "Intakegesprek gevoerd; afspraken over de aanvraag gemaakt.");
            }
        }
        if (zaaktype.opschortingMogelijk() && !opgeschort && rng.nextDouble() < 0.08) {
            Instant op = werktijd(registratie.plusSeconds((long) (doorloop * 0.3 * DAG)), vorige);
            int pauze = 2 + rng.nextInt(12);
            vorige = opschorting(zender, zaakId, op, pauze);
            verschuiving += pauze;
        }

        double totaal = doorloop + verschuiving + (verlengingOp < Double.MAX_VALUE ? verlengingExtra : 0);
        Instant einde = werktijd(registratie.plusSeconds((long) (totaal * DAG)), vorige);
        boolean gesloten = !einde.isAfter(opzet.nu.minus(Duration.ofHours(1))) && rng.nextDouble() >= KANS_OPEN_BLIJVEN;
        if (gesloten) {
            if (statustypen.size() > 1) {
                status(zender, zaakId, statustypen.get(statustypen.size() - 1), einde, null);
            }
            Instant afgesloten = einde.plusSeconds(1 + rng.nextInt(120));
            ObjectNode bericht = zender.verzend(Berichtmaker.ZAAK_AFGESLOTEN, afgesloten, Soort.ZAAKFEIT);
            if (bericht != null) {
                String resultaat = resultaat(zaaktype);
                ObjectNode data = Berichtmaker.data(bericht);
                data.put("zaakId", zaakId.toString());
                data.put("afgeslotenOp", Berichtmaker.tijd(afgesloten));
                data.put("resultaat", resultaat);
                if (rng.nextDouble() < 0.4) {
                    data.put("toelichting", Teksten.afsluiting(resultaat));
                }
            }
        }

        statusNavragen(zaakId, registratie, gesloten ? einde : opzet.nu, overschrijding);
        if (gesloten && rng.nextDouble() < 0.06) {
            LocalDate dag = einde.atZone(Simulatie.AMSTERDAM).toLocalDate().plusDays(1 + rng.nextInt(12));
            String kanaal = opzet.nazorg.kies(rng);
            Instant op = moment(dag, opzet.systeem(kanaal).uren());
            contact(op, kanaal, INKOMEND, zaaktype.code(), zaakId, BEANTWOORD, null, null, Teksten.nazorg(rng));
        }
    }

    /** The most common resultaat is the zaaktype's first (toegekend, afgehandeld). */
    private String resultaat(Zaaktype zaaktype) {
        List<String> resultaten = zaaktype.resultaten();
        if (resultaten.size() == 1 || rng.nextDouble() < 0.78) {
            return resultaten.get(0);
        }
        return resultaten.get(1 + rng.nextInt(resultaten.size() - 1));
    }

    /** Opschorting now, hervatting {@code pauze} days later; returns the moment work goes on. */
    private Instant opschorting(Zaakzender zender, UUID zaakId, Instant op, int pauze) {
        ObjectNode opgeschort = zender.verzend(Berichtmaker.ZAAK_OPGESCHORT, op, Soort.ZAAKFEIT);
        if (opgeschort != null) {
            ObjectNode data = Berichtmaker.data(opgeschort);
            data.put("zaakId", zaakId.toString());
            data.put("opgeschortOp", Berichtmaker.tijd(op));
            if (rng.nextDouble() < 0.7) {
                data.put("reden", Teksten.redenOpschorting(rng));
            }
        }
        Instant hervat = werktijd(op.plusSeconds(pauze * DAG), op);
        ObjectNode hervatting = zender.verzend(Berichtmaker.ZAAK_HERVAT, hervat, Soort.ZAAKFEIT);
        if (hervatting != null) {
            ObjectNode data = Berichtmaker.data(hervatting);
            data.put("zaakId", zaakId.toString());
            data.put("hervatOp", Berichtmaker.tijd(hervat));
            if (rng.nextDouble() < 0.3) {
                data.put("reden", "Gevraagde gegevens ontvangen");
            }
        }
        return hervat;
    }

    private void status(Zaakzender zender, UUID zaakId, Statustype statustype, Instant op, String toelichting) {
        ObjectNode bericht = zender.verzend(Berichtmaker.STATUS_GEZET, op, Soort.STATUS);
        if (bericht == null) {
            return;
        }
        ObjectNode data = Berichtmaker.data(bericht);
        data.put("zaakId", zaakId.toString());
        data.put("statustype", statustype.code());
        data.put("datumStatusGezet", Berichtmaker.tijd(op));
        if (toelichting != null) {
            data.put("statustoelichting", toelichting);
        }
    }

    /** "Where is my zaak": only while it is open, more often when it runs late. */
    private void statusNavragen(UUID zaakId, Instant registratie, Instant tot, boolean overschrijding) {
        int aantal = NAVRAGEN.kies(rng) + (overschrijding && rng.nextDouble() < 0.5 ? 1 : 0);
        Instant van = registratie.plusSeconds(DAG);
        Instant laatste = tot.minus(Duration.ofHours(1));
        if (aantal == 0 || !van.isBefore(laatste)) {
            return;
        }
        long venster = Duration.between(van, laatste).getSeconds();
        for (int i = 0; i < aantal; i++) {
            Instant ruw = van.plusSeconds(rng.nextLong(venster));
            String kanaal = opzet.statusNavraag.kies(rng);
            Instant op = moment(ruw.atZone(Simulatie.AMSTERDAM).toLocalDate(), opzet.systeem(kanaal).uren());
            if (op.isAfter(van) && op.isBefore(laatste)) {
                String resultaat = RESULTAAT_NAVRAAG.kies(rng);
                contact(op, kanaal, INKOMEND, STATUS_NAVRAAG, zaakId, resultaat,
                        DOORVERWEZEN.equals(resultaat) ? doorverwijzingVoorNavraag() : null, null,
                        Teksten.statusNavraag(rng));
            }
        }
    }

    private String doorverwijzingVoorNavraag() {
        return opzet.bekendKanaal("mijn-omgeving") ? "mijn-omgeving" : "webformulier";
    }

    // ------------------------------------------------------------------ contacts without a zaak

    private void algemeneVraag() {
        String kanaal = opzet.algemeen.kies(rng);
        Instant op = moment(dagIn(opzet.van, opzet.tot), opzet.systeem(kanaal).uren());
        String resultaat = RESULTAAT_ALGEMEEN.kies(rng);
        contact(op, kanaal, INKOMEND, ALGEMENE_VRAAG, null, resultaat,
                DOORVERWEZEN.equals(resultaat) ? doorverwijzing(kanaal) : null, null, Teksten.algemeneVraag(rng));
    }

    /** A question about a zaaktype that never leads to a zaak (often answered in one go). */
    private void orientatieZonderZaak() {
        Zaaktype zaaktype = (kvk ? opzet.zaaktypenKvk : opzet.zaaktypenBsn).kies(rng);
        String kanaal = opzet.orientatie.kies(rng);
        Instant op = moment(dagIn(opzet.van, opzet.tot), opzet.systeem(kanaal).uren());
        String resultaat = rng.nextDouble() < 0.7 ? BEANTWOORD : DOORVERWEZEN;
        contact(op, kanaal, INKOMEND, zaaktype.code(), null, resultaat,
                DOORVERWEZEN.equals(resultaat) ? doorverwijzing(kanaal) : null, null,
                Teksten.orientatie(zaaktype.omschrijving(), rng));
    }

    private void anoniemContact() {
        String kanaal = opzet.anoniem.kies(rng);
        Instant op = moment(dagIn(opzet.van, opzet.tot), opzet.systeem(kanaal).uren());
        boolean overZaaktype = rng.nextDouble() < 0.2;
        String onderwerp = overZaaktype ? opzet.zaaktypenBsn.kies(rng).code() : ALGEMENE_VRAAG;
        String resultaat = rng.nextDouble() < 0.75 ? BEANTWOORD : DOORVERWEZEN;
        ObjectNode anoniem = JSON.objectNode();
        anoniem.put("anoniem", true);
        contactVan(anoniem, op, kanaal, INKOMEND, onderwerp, null, resultaat,
                DOORVERWEZEN.equals(resultaat) ? "webformulier" : null, null,
                overZaaktype ? "Anonieme vraag over een aanvraag." : Teksten.algemeneVraag(rng));
    }

    private void kanaalvoorkeur() {
        String kanaal = opzet.voorkeur.kies(rng);
        Instant op = moment(dagIn(opzet.van, opzet.tot), Kanaalsysteem.Openingstijden.ALTIJD);
        if (op.isAfter(opzet.nu)) {
            return;
        }
        Instant gelogd = min(op.plusSeconds(1 + rng.nextInt(30)), opzet.nu);
        ObjectNode bericht = maker.envelop("open-klant", "ok", Berichtmaker.KANAALVOORKEUR_VASTGELEGD, gelogd);
        ObjectNode data = Berichtmaker.data(bericht);
        data.set("klant", klant.deepCopy());
        data.put("kanaal", kanaal);
        if (rng.nextDouble() < 0.3) {
            data.put("onderwerp", (kvk ? opzet.zaaktypenKvk : opzet.zaaktypenBsn).kies(rng).code());
        }
        data.put("vastgelegdOp", Berichtmaker.tijd(op));
        uit.add(new Verzonden(gelogd, uit.size(), Soort.KANAALVOORKEUR, null, bericht));
    }

    private String doorverwijzing(String vanKanaal) {
        for (int poging = 0; poging < 4; poging++) {
            String naar = DOORVERWIJZING.kies(rng);
            if (!naar.equals(vanKanaal) && opzet.bekendKanaal(naar)) {
                return naar;
            }
        }
        return "webformulier".equals(vanKanaal) ? "telefoon" : "webformulier";
    }

    // ------------------------------------------------------------------ messages

    private UUID contact(Instant op, String kanaal, String richting, String onderwerp, UUID zaakId,
                         String resultaat, String doorverwezenNaar, UUID was, String inhoud) {
        return contactVan(klant, op, kanaal, richting, onderwerp, zaakId, resultaat, doorverwezenNaar, was, inhoud);
    }

    /**
     * One klantcontact, logged by its kanaal's system; nothing when it would lie after "now". A
     * terugbelverzoek is followed by the call back, which continues the contact.
     */
    private UUID contactVan(ObjectNode wie, Instant op, String kanaal, String richting, String onderwerp,
                            UUID zaakId, String resultaat, String doorverwezenNaar, UUID was, String inhoud) {
        if (op.isAfter(opzet.nu)) {
            return null;
        }
        Kanaalsysteem systeem = opzet.systeem(kanaal);
        UUID id = Identificaties.uuid(rng);
        Integer duur = systeem.kiesDuur(rng);
        Instant gelogd = min(op.plusSeconds((duur == null ? 0 : duur) + systeem.kiesVertraging(rng)), opzet.nu);
        ObjectNode bericht = maker.envelop(systeem.systeem(), systeem.voorvoegsel(),
                Berichtmaker.KLANTCONTACT_GEREGISTREERD, gelogd);
        ObjectNode data = Berichtmaker.data(bericht);
        data.put("klantcontactId", id.toString());
        data.put("plaatsgevondenOp", Berichtmaker.tijd(op));
        data.set("klant", wie.deepCopy());
        data.put("kanaal", systeem.kanaalZoalsVerzonden(rng));
        if (UITGAAND.equals(richting) || rng.nextDouble() < 0.2) {
            data.put("richting", richting);
        }
        data.put("onderwerp", onderwerp);
        if (zaakId != null) {
            data.put("zaakId", zaakId.toString());
        }
        data.put("resultaat", resultaat);
        if (doorverwezenNaar != null) {
            data.put("doorverwezenNaar", doorverwezenNaar);
        }
        if (was != null) {
            data.put("wasKlantcontact", was.toString());
        }
        String medewerker = systeem.kiesMedewerker(rng);
        if (medewerker != null) {
            data.put("medewerker", medewerker);
        }
        if (inhoud != null && rng.nextDouble() < KANS_INHOUD) {
            data.put("inhoud", inhoud);
        }
        if (duur != null) {
            data.put("duurSeconden", duur);
        }
        uit.add(new Verzonden(gelogd, uit.size(), Soort.KLANTCONTACT, zaakId, bericht));

        if (TERUGBELVERZOEK.equals(resultaat) && opzet.bekendKanaal("telefoon")) {
            LocalDate dag = op.atZone(Simulatie.AMSTERDAM).toLocalDate().plusDays(1 + rng.nextInt(2));
            Instant terug = moment(dag, Kanaalsysteem.Openingstijden.KANTOOR);
            String uitkomst = rng.nextDouble() < 0.8 ? BEANTWOORD : NIET_BEREIKT;
            contactVan(wie, terug, "telefoon", UITGAAND, onderwerp, zaakId, uitkomst, null, id,
                    BEANTWOORD.equals(uitkomst) ? Teksten.terugbellen(rng) : "Niet bereikt; voicemail ingesproken.");
        }
        return id;
    }

    /** Sends the messages of one zaak from one system; every one logged after the registration. */
    private final class Zaakzender {
        private final UUID zaakId;
        private final String systeem;
        private final String voorvoegsel;
        private Instant registratieGelogd;

        Zaakzender(UUID zaakId, String systeem, String voorvoegsel) {
            this.zaakId = zaakId;
            this.systeem = systeem;
            this.voorvoegsel = voorvoegsel;
        }

        /** The message with its envelope, or null when the fact lies after "now". */
        ObjectNode verzend(String type, Instant op, Soort soort) {
            if (op.isAfter(opzet.nu)) {
                return null;
            }
            Instant gelogd = op.plusSeconds(1 + rng.nextInt(20));
            if (registratieGelogd != null && !gelogd.isAfter(registratieGelogd)) {
                gelogd = registratieGelogd.plusSeconds(1);
            }
            gelogd = min(gelogd, opzet.nu);
            if (soort == Soort.ZAAK_GEREGISTREERD) {
                registratieGelogd = gelogd;
            }
            ObjectNode bericht = maker.envelop(systeem, voorvoegsel, type, gelogd);
            uit.add(new Verzonden(gelogd, uit.size(), soort, zaakId, bericht));
            return bericht;
        }
    }

    // ------------------------------------------------------------------ time

    private LocalDate dagIn(LocalDate van, LocalDate tot) {
        long dagen = ChronoUnit.DAYS.between(van, tot);
        return van.plusDays(rng.nextLong(Math.max(1, dagen)));
    }

    /** A moment on that day (or the next weekday, for kanalen that close at weekends) when the kanaal is open. */
    private Instant moment(LocalDate dag, Kanaalsysteem.Openingstijden uren) {
        return switch (uren) {
            case KANTOOR -> opDag(werkdag(dag), 8 * 3_600 + 1_800, 17 * 3_600);
            case POST -> opDag(werkdag(dag), 9 * 3_600, 12 * 3_600);
            case ALTIJD -> opDag(dag, 7 * 3_600, 23 * 3_600 + 1_800);
        };
    }

    /**
     * When a case worker does something planned for about {@code ongeveer}: office hours on a
     * weekday, and never before {@code na} (the previous step of the same zaak).
     */
    private Instant werktijd(Instant ongeveer, Instant na) {
        LocalDate dag = werkdag(ongeveer.atZone(Simulatie.AMSTERDAM).toLocalDate());
        Instant op = opDag(dag, 8 * 3_600, 17 * 3_600 + 1_800);
        if (!op.isAfter(na)) {
            op = na.plusSeconds(600 + rng.nextInt(3 * 3_600));
        }
        return op;
    }

    private Instant opDag(LocalDate dag, int vanSeconde, int totSeconde) {
        int seconde = vanSeconde + rng.nextInt(totSeconde - vanSeconde);
        return ZonedDateTime.of(dag, LocalTime.ofSecondOfDay(seconde), Simulatie.AMSTERDAM).toInstant();
    }

    private static LocalDate werkdag(LocalDate dag) {
        DayOfWeek dow = dag.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY) {
            return dag.plusDays(2);
        }
        if (dow == DayOfWeek.SUNDAY) {
            return dag.plusDays(1);
        }
        return dag;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
