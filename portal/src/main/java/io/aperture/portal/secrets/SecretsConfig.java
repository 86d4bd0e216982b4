package io.aperture.portal.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the server may run with the public development secrets ({@code aperture.secrets.*}). */
@ConfigMapping(prefix = "aperture.secrets")
public interface SecretsConfig {
    /**
     * {@code true} only where nothing real is at stake: the embedded stack of {@code ./aperture start}
     * ({@code APERTURE_DEVELOPMENT_SECRETS=true}, which the script sets) and the tests. Otherwise the server refuses to
     * start while any secret listed in {@link PublicDefaultSecrets} still has the value written in this source.
     */
    @WithDefault("${APERTURE_DEVELOPMENT_SECRETS:false}")
    boolean allowDevelopmentDefaults();
}
