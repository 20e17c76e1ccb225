package nl.klantreis.api.audit;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Toegangsbeslissing;
import nl.klantreis.api.web.Padsjablonen;
import reactor.core.publisher.Mono;

/**
 * Reports every refused or denied access to the {@link Toegangslog}: a 401 or 403 anywhere, and
 * a 404 on the API with a valid token (a burger asking for a zaak that is not his looks exactly
 * like one that does not exist, and is meant to; the auditor should still see the probe). Looks at
 * the status just before the answer leaves, so it sees refusals of the security chain and of the
 * controllers alike; runs right after {@link Tracering}, outside the security chain.
 *
 * <p>What is kept has no personal number: the route template instead of the path, of the path only
 * a segment that is a pseudonymous klantId or a zaak's UUID, the token's subject (never the token).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class Toegangsbewaking implements WebFilter {
    static final String NIET_AANGEMELD = "niet-aangemeld";
    static final String GEEN_TOEGANG = "geen-toegang";
    static final String NIET_GEVONDEN = "niet-gevonden";
    static final Set<String> SOORTEN = Set.of(NIET_AANGEMELD, GEEN_TOEGANG, NIET_GEVONDEN);

    private static final Set<String> METHODEN = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern KLANT_ID = Pattern.compile("[a-z]{1,8}-[0-9a-z-]{8,64}");

    private final Toegangslog log;
    private final Padsjablonen sjablonen;
    private final Clock klok;

    Toegangsbewaking(Toegangslog log, Padsjablonen sjablonen, ObjectProvider<Clock> klok) {
        this.log = log;
        this.sjablonen = sjablonen;
        this.klok = klok.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange uitwisseling, WebFilterChain keten) {
        uitwisseling.getResponse().beforeCommit(() -> {
            meldZoNodig(uitwisseling);
            return Mono.empty();
        });
        return keten.filter(uitwisseling);
    }

    private void meldZoNodig(ServerWebExchange uitwisseling) {
        HttpStatusCode status = uitwisseling.getResponse().getStatusCode();
        if (status == null) {
            return;
        }
        String pad = uitwisseling.getRequest().getPath().pathWithinApplication().value();
        Gebruiker gebruiker = Toegangsbeslissing.gebruiker(uitwisseling);
        String soort;
        String reden = Toegangsbeslissing.reden(uitwisseling);
        switch (status.value()) {
            case 401 -> {
                soort = NIET_AANGEMELD;
                reden = reden == null ? NIET_AANGEMELD : reden;
            }
            case 403 -> {
                soort = GEEN_TOEGANG;
                reden = reden == null ? "rol-zonder-toegang" : reden;
            }
            case 404 -> {
                if (gebruiker == null || !pad.startsWith("/api/")) {
                    return;
                }
                soort = NIET_GEVONDEN;
                reden = NIET_GEVONDEN;
            }
            default -> {
                return;
            }
        }
        String sjabloon = uitwisseling.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof PathPattern p
                ? p.getPatternString() : sjablonen.van(pad);
        String methode = uitwisseling.getRequest().getMethod().name();
        InetSocketAddress afzender = uitwisseling.getRequest().getRemoteAddress();
        log.meld(new Toegangslog.Weigering(klok.instant(), soort, status.value(), reden,
                gebruiker == null ? null : gebruiker.actor(), gebruiker == null ? null : gebruiker.rol().claim(),
                afzender == null || afzender.getAddress() == null ? null : afzender.getAddress().getHostAddress(),
                METHODEN.contains(methode) ? methode : "ANDERS", sjabloon, object(sjabloon, pad),
                Tracering.van(uitwisseling).traceId()));
    }

    /**
     * The pseudonymous id the request named: the path segment in a template variable's place, when
     * it is a zaak's UUID or a klantId. Anything else (a BSN typed into a path, say) is not kept.
     */
    static String object(String sjabloon, String pad) {
        String[] sjabloondelen = sjabloon.split("/");
        String[] paddelen = pad.split("/");
        if (sjabloondelen.length != paddelen.length) {
            return null;
        }
        for (int i = 0; i < sjabloondelen.length; i++) {
            if (sjabloondelen[i].startsWith("{") && paddelen[i].length() <= 80
                    && (UUID.matcher(paddelen[i]).matches() || KLANT_ID.matcher(paddelen[i]).matches())) {
                return paddelen[i];
            }
        }
        return null;
    }
}
