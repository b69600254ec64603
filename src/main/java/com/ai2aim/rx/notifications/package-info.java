/**
 * Notifications: templates (jmustache, logic-less, managed by admins at {@code /api/notification-templates}), sending
 * to a patient or a user over email (SMTP), SMS (Twilio), push (FCM HTTP v1) and in-app, and the in-app inbox with
 * its live stream ({@code /api/notifications}). Sends go through a durable outbox ({@code notification_deliveries},
 * claimed with {@code SKIP LOCKED}, retried with back-off, every attempt in {@code notification_attempts}); a
 * patient's consent and quiet hours decide what is sent and when. Other modules call
 * {@link com.ai2aim.rx.notifications.Notifications}; the {@code send-notification} function is served here. Reads
 * patients, users and prescriptions through their modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "identity", "patients", "prescriptions", "functions", "jobs", "reporting", "documents"})
package com.ai2aim.rx.notifications;
