-- Default templates (jmustache, logic-less: {{name}} inserts a variable; an admin may edit them through
-- /api/notification-templates). Staff alerts carry identifiers only, so an email to a shared inbox leaks no PHI.
insert into notification_templates (key, channel, subject, body) values
    ('prescription-ready', 'email', 'Your prescription {{prescriptionNumber}} is ready',
     'Hello {{patientName}},

Your prescription {{prescriptionNumber}} ({{medicationName}}) is ready for pickup at {{pharmacyName}} from {{pickupDate}}.

{{pharmacyName}}'),
    ('prescription-ready', 'sms', null,
     '{{pharmacyName}}: prescription {{prescriptionNumber}} is ready for pickup from {{pickupDate}}.'),
    ('prescription-ready', 'push', 'Prescription ready',
     'Prescription {{prescriptionNumber}} is ready for pickup at {{pharmacyName}} from {{pickupDate}}.'),
    ('prescription-ready', 'in_app', 'Prescription ready',
     'Your prescription {{prescriptionNumber}} ({{medicationName}}) is ready for pickup at {{pharmacyName}} from {{pickupDate}}.'),

    ('refill-reminder', 'email', 'Time to refill {{medicationName}}',
     'Hello {{patientName}},

Your prescription {{prescriptionNumber}} ({{medicationName}}) is due for a refill. Contact {{pharmacyName}} to order it.

{{pharmacyName}}'),
    ('refill-reminder', 'sms', null,
     '{{pharmacyName}}: prescription {{prescriptionNumber}} is due for a refill.'),
    ('refill-reminder', 'push', 'Refill reminder', 'Prescription {{prescriptionNumber}} is due for a refill.'),
    ('refill-reminder', 'in_app', 'Refill reminder',
     'Your prescription {{prescriptionNumber}} ({{medicationName}}) is due for a refill.'),

    ('prescription-expiring', 'email', 'Your prescription {{prescriptionNumber}} expires on {{expiresOn}}',
     'Hello {{patientName}},

Your prescription {{prescriptionNumber}} ({{medicationName}}) expires on {{expiresOn}}. Ask your prescriber for a new one if you still need it.

{{pharmacyName}}'),
    ('prescription-expiring', 'sms', null,
     '{{pharmacyName}}: prescription {{prescriptionNumber}} expires on {{expiresOn}}.'),
    ('prescription-expiring', 'push', 'Prescription expiring',
     'Prescription {{prescriptionNumber}} expires on {{expiresOn}}.'),
    ('prescription-expiring', 'in_app', 'Prescription expiring',
     'Your prescription {{prescriptionNumber}} ({{medicationName}}) expires on {{expiresOn}}.'),

    ('verification-needs-review', 'email', 'Prescription {{prescriptionNumber}} needs review',
     'Prescription {{prescriptionNumber}} needs a pharmacist''s review before it can be approved.'),
    ('verification-needs-review', 'in_app', 'Verification needs review',
     'Prescription {{prescriptionNumber}} needs a pharmacist''s review before it can be approved.'),

    ('document-needs-review', 'email', 'A document needs review',
     'Document {{documentId}} needs review.'),
    ('document-needs-review', 'in_app', 'Document needs review',
     'Document {{documentId}} needs review.'),

    ('job-failed', 'email', 'Job {{jobName}} failed',
     'The scheduled job {{jobName}} failed at {{failedAt}}. See /api/jobs for its history.'),
    ('job-failed', 'in_app', 'Job failed',
     'The scheduled job {{jobName}} failed at {{failedAt}}.');
