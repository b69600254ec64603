/**
 * Communications: messages from a sender to one or more users of the same organisation, optionally about a patient
 * or a prescription, over a channel (in-app, email, SMS, phone, fax, portal), with a read time per recipient.
 * Owns {@code communications} and {@code communication_recipients} and serves {@code /api/communications}. Only
 * participants and the organisation's staff see one (row-level security and API checks); subject and body may hold
 * PHI and never reach logs or audit details. {@link com.ai2aim.rx.communications.Communications} gives other modules
 * a patient's communications (ids and times only) for the history timeline. Reads identity's {@code users} table
 * (foreign keys, addressable recipients) but calls no identity code.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "patients"})
package com.ai2aim.rx.communications;
