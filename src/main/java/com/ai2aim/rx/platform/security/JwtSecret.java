package com.ai2aim.rx.platform.security;

/** The resolved HS256 key material, shared by the signer and the verifier. */
record JwtSecret(byte[] bytes) {}
