package nl.klantreis.api.beveiliging;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import reactor.core.publisher.Mono;

/**
 * From a checked token to the one authority of its {@code rol} claim. A token that names no
 * usable user is refused here as an invalid token (401), not let in without authorities (which
 * would give 403 and suggest the token itself was fine).
 */
public final class TokenNaarAanmelding implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt token) {
        Gebruiker gebruiker;
        try {
            gebruiker = Gebruikers.uitToken(token);
        } catch (Gebruikers.OngeldigeTokeninhoud e) {
            return Mono.error(new InvalidBearerTokenException(e.getMessage()));
        }
        return Mono.just(new JwtAuthenticationToken(token,
                List.of(new SimpleGrantedAuthority(gebruiker.rol().autoriteit())), gebruiker.actor()));
    }
}
