package nl.klantreis.api.paginas;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Local mode, decided as the API decides it (Beveiligingsconfiguratie): no
 * {@code klantreis.beveiliging.jwks-url} configured, so tokens are signed with the local key.
 * Only then does the persona page exist. The OIDC login adds its own issuer setting to
 * {@link #isLokaal} so that configuring it also removes the persona page (docs/paginas.md).
 */
final class Lokalemodus implements Condition {

    static boolean isLokaal(Environment omgeving) {
        return omgeving.getProperty("klantreis.beveiliging.jwks-url", "").isBlank();
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isLokaal(context.getEnvironment());
    }
}
