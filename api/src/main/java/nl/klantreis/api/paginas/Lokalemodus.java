package nl.klantreis.api.paginas;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Local mode, decided as the API decides it (Beveiligingsconfiguratie): no
 * {@code klantreis.beveiliging.jwks-url} configured, so tokens are signed with the local key; and no
 * OIDC login configured ({@code klantreis.paginas.oidc.client-id}, {@link Oidcaanmelding}). Only then
 * does the persona page exist: configuring either an external issuer or the OIDC login removes it.
 */
final class Lokalemodus implements Condition {

    static boolean isLokaal(Environment omgeving) {
        return omgeving.getProperty("klantreis.beveiliging.jwks-url", "").isBlank()
                && omgeving.getProperty("klantreis.paginas.oidc.client-id", "").isBlank();
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isLokaal(context.getEnvironment());
    }
}
