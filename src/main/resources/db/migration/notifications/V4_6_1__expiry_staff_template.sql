-- The pharmacists' side of the expiry notices (notifications/internal/NotifyExpiringPrescriptionsJob): the
-- prescription number and dates only, no patient name or medication, so an email to a shared inbox leaks no PHI.
insert into notification_templates (key, channel, subject, body) values
    ('prescription-expiring-staff', 'email', 'Prescription {{prescriptionNumber}} expires on {{expiresOn}}',
     'Prescription {{prescriptionNumber}} expires on {{expiresOn}} (within {{window}}). The patient has been told; a new prescription is needed to continue the therapy.'),
    ('prescription-expiring-staff', 'in_app', 'Prescription expiring',
     'Prescription {{prescriptionNumber}} expires on {{expiresOn}} (within {{window}}).');
