/**
 * Identity: organisations, users and their profiles, passwords, sign-in sessions and tokens. Serves Supabase's
 * GoTrue-shaped {@code /auth/v1} endpoints (so supabase-js signs in unchanged) and the plan's {@code /api/users} and
 * {@code /api/organizations}. Implements the platform's {@code SessionGuard}. Records every change and sign-in
 * attempt in the audit trail.
 * The inactive-user-cleanup job deactivates users who stopped signing in.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "jobs"})
package com.ai2aim.rx.identity;
