-- HTML email: an email template may carry an HTML body beside its plain-text body (which stays required: it is the
-- text alternative). The rendered HTML travels through the outbox like the rendered text and is erased with it when
-- the delivery ends, since it is PHI. Both tables' grants and policies are table-wide, so the new columns need none.
alter table notification_templates add column html_body text
    check (char_length(html_body) between 1 and 100000);
alter table notification_templates add constraint notification_templates_html_email
    check (html_body is null or channel = 'email');

alter table notification_deliveries add column html_body text;
