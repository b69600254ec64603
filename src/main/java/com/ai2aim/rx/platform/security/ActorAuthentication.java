package com.ai2aim.rx.platform.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A verified token turned into an {@link Actor}; anonymous (anon key) callers have no actor. */
final class ActorAuthentication extends AbstractAuthenticationToken {

    private final transient Object principal;
    private final String token;

    ActorAuthentication(Object principal, String token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal instanceof Actor actor ? actor.auditId() : "anon";
    }
}
