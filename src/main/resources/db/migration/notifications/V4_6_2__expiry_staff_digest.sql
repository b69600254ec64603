-- The pharmacists' side of the expiry notices as one digest per pharmacy and group of newly told prescriptions
-- (NotifyExpiringPrescriptionsJob): prescription numbers and dates only, no patient names or medications. A daily
-- run on a real pharmacy finds dozens of expiring prescriptions; one alert each per pharmacist helped nobody.
insert into notification_templates (key, channel, subject, body) values
    ('prescription-expiring-digest', 'email', '{{count}} prescriptions expire within {{window}}',
     'These prescriptions of your pharmacy expire within {{window}}; their patients have been told: {{prescriptionNumbers}}. A new prescription is needed to continue each therapy.'),
    ('prescription-expiring-digest', 'in_app', '{{count}} prescriptions expiring',
     '{{count}} prescriptions expire within {{window}}: {{prescriptionNumbers}}.');
