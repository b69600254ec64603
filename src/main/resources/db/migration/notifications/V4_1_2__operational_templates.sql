-- Templates for the alerts that other modules' events raise (notifications/internal/OperationalAlerts): identifiers
-- and codes only, so an email to a shared inbox leaks no PHI.
insert into notification_templates (key, channel, subject, body) values
    ('job-recovered', 'email', 'Job {{jobName}} recovered',
     'The scheduled job {{jobName}} is working again since {{resolvedAt}}. See /api/jobs for its history.'),
    ('job-recovered', 'in_app', 'Job recovered',
     'The scheduled job {{jobName}} is working again since {{resolvedAt}}.'),
    ('report-ready', 'email', 'Report ready: {{reportKind}}',
     'The {{reportKind}} report {{reportId}} is ready at /api/reports/{{reportId}} (CSV and PDF).'),
    ('report-ready', 'in_app', 'Report ready',
     'The {{reportKind}} report {{reportId}} is ready.');
