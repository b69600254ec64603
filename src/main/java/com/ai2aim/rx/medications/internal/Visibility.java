package com.ai2aim.rx.medications.internal;

import com.ai2aim.rx.platform.security.Actor;
import java.util.UUID;

/**
 * Which catalogue rows a caller may see, as a plain predicate: reference products, their own organisation's local
 * products, everything for a global admin or the service. It mirrors the row-level-security policy so that a search
 * can run without RLS (the catalogue holds no PHI) and the planner can use the trigram index, which it may not do
 * for non-leakproof operators such as {@code like} and {@code <%} under a policy.
 */
record Visibility(UUID orgId, boolean all) {

    static Visibility of(Actor actor) {
        if (actor == null) {
            return new Visibility(null, false);
        }
        return new Visibility(actor.orgId(), actor.isService() || actor.isGlobalAdmin());
    }

    String predicate() {
        return all ? "" : " and (m.org_id is null or m.org_id = cast(:visibleOrg as uuid))";
    }
}
