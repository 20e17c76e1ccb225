package nl.klantreis.api.paginas.mijnzaken;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.klantreis.api.paginas.Nederlands;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;
import nl.klantreis.projecties.mijnzaken.Zaakkaart;

/**
 * A zaak as the citizen reads it on the MijnZaken pages: every field of the API's {@link Zaakkaart}
 * and {@link Zaakdetail} turned into plain Dutch here, once, so that the templates only place text
 * and the live update (the same fragment) says exactly what the page says. Dates in words ("8 mei
 * 2026"), times in Europe/Amsterdam.
 */
final class Zaakweergave {
    private static final Locale NEDERLANDS = Nederlands.TAAL;

    private Zaakweergave() {
    }

    /**
     * One card of the list, or the head of the zaak page.
     *
     * @param titel        the zaak's own description, else its zaaktype
     * @param stap         "Stap 4 van 5", null while no status is set (or above zaakvertrouwelijk)
     * @param groep        the statusgroep in words ("Besluit genomen")
     * @param status       the status's own description ("Besluit genomen"), null when unknown
     * @param statustekst  the explanation for the citizen, null when there is none
     * @param volgendeStap the next step's description, null at the end or once closed
     * @param termijn      "8 mei 2026", null when not known
     * @param termijnReden why the date moved or stands still, null when it did not
     * @param afgesloten   "Afgesloten op 21 april 2026", null while open
     * @param resultaat    the result in words ("toegekend"), null while open
     * @param melding      one sentence for screen readers when this changes live
     */
    record Kaart(String zaakId, String identificatie, String zaaktype, String titel, String stap, String groep,
                 String status, String statustekst, String volgendeStap, String termijn, String termijnReden,
                 boolean opgeschort, String afgesloten, String resultaat, String gewijzigd, String melding) {
    }

    /** A status on the timeline, oldest first; {@code huidig} for the last one of an open zaak. */
    record Stap(String omschrijving, String groep, String stap, String gezetOp, String tekst, boolean huidig) {
    }

    record Contact(String kanaal, String op, String onderwerp, String resultaat) {
    }

    /** An opschorting ("van 9 maart 2026 tot 18 maart 2026, 9 dagen") or a verlenging. */
    record Termijnwijziging(String soort, String tekst) {
    }

    record Zaak(Kaart kaart, List<Stap> statussen, List<Contact> contacten, List<Termijnwijziging> termijn) {
    }

    static Kaart kaart(Zaakkaart kaart) {
        return kaart(kaart.zaakId(), kaart.identificatie(), kaart.zaaktype(), kaart.omschrijving(), kaart.status(),
                kaart.beslissingUiterlijk(), kaart.opgeschort(), kaart.afgesloten(), kaart.volgendeStap(),
                kaart.laatstGewijzigd(), null);
    }

    static Zaak zaak(Zaakdetail detail) {
        List<Stap> statussen = new ArrayList<>();
        for (int i = 0; i < detail.statussen().size(); i++) {
            Zaakdetail.Statusregel regel = detail.statussen().get(i);
            boolean laatste = i == detail.statussen().size() - 1;
            statussen.add(new Stap(regel.omschrijving() == null ? groep(regel.groep()) : regel.omschrijving(),
                    groep(regel.groep()), regel.stap() == null ? null : "Stap " + regel.stap(),
                    moment(regel.gezetOp()), regel.tekst(), laatste && detail.afgesloten() == null));
        }
        List<Contact> contacten = detail.klantcontacten().stream()
                .map(c -> new Contact(kanaal(c.kanaal()), moment(c.plaatsgevondenOp()), woorden(c.onderwerp()),
                        woorden(c.resultaat())))
                .toList();
        List<Termijnwijziging> termijn = new ArrayList<>();
        for (Zaakdetail.Opschorting opschorting : detail.opschortingen()) {
            termijn.add(new Termijnwijziging("Opgeschort", opschorting.tot() == null
                    ? "Sinds " + datum(opschorting.van()) + ". De termijn staat stil tot wij verder kunnen."
                    : "Van " + datum(opschorting.van()) + " tot " + datum(opschorting.tot()) + " ("
                            + dagen(Duration.between(opschorting.van(), opschorting.tot())) + ")."));
        }
        for (Zaakdetail.Verlenging verlenging : detail.verlengingen()) {
            termijn.add(new Termijnwijziging("Verlengd", "Op " + datum(verlenging.op()) + " met "
                    + verlenging.duurDagen() + (verlenging.duurDagen() == 1 ? " dag." : " dagen.")));
        }
        Kaart kaart = kaart(detail.zaakId(), detail.identificatie(), detail.zaaktype(), detail.omschrijving(),
                detail.status(), detail.beslissingUiterlijk(), detail.opgeschort(), detail.afgesloten(),
                detail.volgendeStap(), detail.laatstGewijzigd(), detail);
        return new Zaak(kaart, statussen, contacten, termijn);
    }

    private static Kaart kaart(String zaakId, String identificatie, String zaaktype, String omschrijving,
                               Zaakkaart.Status status, LocalDate beslissingUiterlijk, Boolean opgeschort,
                               Zaakkaart.Afgesloten afgesloten, Zaakkaart.VolgendeStap volgende,
                               Instant laatstGewijzigd, Zaakdetail detail) {
        String titel = omschrijving != null && !omschrijving.isBlank() ? omschrijving : woorden(zaaktype);
        String stap = status == null || status.stap() == null ? null
                : "Stap " + status.stap() + (status.vanStappen() == null ? "" : " van " + status.vanStappen());
        String groep = status == null ? null : groep(status.groep());
        boolean stil = Boolean.TRUE.equals(opgeschort);
        String termijn = beslissingUiterlijk == null ? null : Nederlands.datum(beslissingUiterlijk);
        String reden = reden(stil, detail);
        String dicht = afgesloten == null ? null
                : afgesloten.op() == null ? "Afgesloten" : "Afgesloten op " + datum(afgesloten.op());
        String resultaat = afgesloten == null ? null : woorden(afgesloten.resultaat());
        String melding = "Uw zaak " + (identificatie == null ? "" : identificatie + " ") + "is bijgewerkt: "
                + (afgesloten != null ? dicht.toLowerCase(NEDERLANDS)
                        + (resultaat == null ? "" : ", " + resultaat.toLowerCase(NEDERLANDS))
                : stap == null ? "nog geen status" : stap.toLowerCase(NEDERLANDS) + ", " + groep.toLowerCase(NEDERLANDS))
                + ".";
        return new Kaart(zaakId, identificatie, woorden(zaaktype), titel, stap, groep,
                status == null ? null : status.omschrijving(), status == null ? null : status.tekst(),
                volgende == null ? null : volgende.omschrijving() != null ? volgende.omschrijving() : groep(volgende.groep()),
                termijn, reden, stil, dicht, resultaat, laatstGewijzigd == null ? null : moment(laatstGewijzigd), melding);
    }

    /**
     * Why the decision date is where it is: it stands still while opgeschort; on the zaak page
     * (with the history) also how long it was opgeschort and by how much it was verlengd.
     */
    private static String reden(boolean stil, Zaakdetail detail) {
        List<String> delen = new ArrayList<>();
        if (stil) {
            delen.add("de zaak is opgeschort: de termijn staat stil tot wij verder kunnen");
        }
        if (detail != null) {
            Duration stilgestaan = detail.opschortingen().stream().filter(o -> o.tot() != null)
                    .map(o -> Duration.between(o.van(), o.tot())).reduce(Duration.ZERO, Duration::plus);
            if (!stilgestaan.isZero()) {
                delen.add("later omdat de zaak " + dagen(stilgestaan) + " opgeschort was");
            }
            int verlengd = detail.verlengingen().stream().mapToInt(Zaakdetail.Verlenging::duurDagen).sum();
            if (verlengd > 0) {
                delen.add("verlengd met " + verlengd + (verlengd == 1 ? " dag" : " dagen"));
            }
        }
        if (delen.isEmpty()) {
            return null;
        }
        String zin = String.join("; ", delen);
        return Character.toUpperCase(zin.charAt(0)) + zin.substring(1) + ".";
    }

    /** The statusgroep of the contract in words. */
    static String groep(String groep) {
        if (groep == null) {
            return null;
        }
        return switch (groep) {
            case "ontvangen" -> "Ontvangen";
            case "in_behandeling" -> "In behandeling";
            case "actie_nodig" -> "Actie van u nodig";
            case "besluit_genomen" -> "Besluit genomen";
            case "afgerond" -> "Afgerond";
            default -> woorden(groep);
        };
    }

    static String kanaal(String kanaal) {
        if (kanaal == null) {
            return null;
        }
        return switch (kanaal) {
            case "telefoon" -> "Telefoon";
            case "webformulier" -> "Webformulier";
            case "webchat" -> "Chat op de website";
            case "balie" -> "Aan de balie";
            case "email", "e-mail" -> "E-mail";
            case "post" -> "Post";
            default -> woorden(kanaal);
        };
    }

    /** A code of the contract as words: "status-navraag" becomes "Status navraag". */
    static String woorden(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String tekst = code.replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(tekst.charAt(0)) + tekst.substring(1);
    }

    static String datum(Instant moment) {
        return Nederlands.datum(moment);
    }

    /** "20 april 2026 om 14:00". */
    static String moment(Instant moment) {
        if (moment == null) {
            return null;
        }
        return Nederlands.moment(moment);
    }

    private static String dagen(Duration duur) {
        long dagen = Math.max(1, Math.round(duur.toHours() / 24.0));
        return dagen + (dagen == 1 ? " dag" : " dagen");
    }
}
