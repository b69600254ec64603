package com.ai2aim.rx.platform.security;

import java.util.UUID;

/**
 * Says whether a sign-in session is still live, so a signed-out or deactivated user's access token stops working
 * before it expires. Implemented by the identity module.
 */
public interface SessionGuard {
    boolean isActive(UUID sessionId);
}
