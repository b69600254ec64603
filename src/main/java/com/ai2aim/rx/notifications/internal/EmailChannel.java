package com.ai2aim.rx.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP ({@code RX_SMTP_*}) with Spring's JavaMailSender: plain text, or multipart/alternative (text, then
 * HTML) when the template has an HTML body. Refused credentials and refused addresses are permanent; anything else
 * (connection, timeout, 4xx from the server) is tried again.
 */
@Component
class EmailChannel implements NotificationChannel {

    private final NotificationProperties.Smtp smtp;
    private final JavaMailSenderImpl mail;

    EmailChannel(NotificationProperties properties) {
        this.smtp = properties.smtp();
        this.mail = new JavaMailSenderImpl();
        mail.setHost(smtp.host());
        mail.setPort(smtp.port());
        mail.setDefaultEncoding("UTF-8");
        if (NotificationProperties.notBlank(smtp.username())) {
            mail.setUsername(smtp.username());
            mail.setPassword(smtp.password());
        }
        String timeout = Long.toString(properties.httpTimeoutMs());
        Properties javaMail = mail.getJavaMailProperties();
        javaMail.put("mail.smtp.auth", Boolean.toString(NotificationProperties.notBlank(smtp.username())));
        javaMail.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        javaMail.put("mail.smtp.connectiontimeout", timeout);
        javaMail.put("mail.smtp.timeout", timeout);
        javaMail.put("mail.smtp.writetimeout", timeout);
    }

    @Override public String name() { return "email"; }
    @Override public boolean configured() { return smtp.configured(); }

    @Override
    public SendResult send(Outgoing message) {
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
            helper.setFrom(smtp.from());
            helper.setTo(message.destination());
            helper.setSubject(message.subject() == null ? "" : message.subject());
            if (message.htmlBody() == null) {
                helper.setText(message.body(), false);
            } else {
                mime.setContent(alternative(message.body(), message.htmlBody()));
            }
            mime.setHeader("X-Rx-Notification-Id", message.notificationId().toString());
            mail.send(mime);
            return SendResult.sent(250, mime.getMessageID());
        } catch (MailAuthenticationException e) {
            return SendResult.failed(535, "smtp_auth_failed");
        } catch (MailSendException e) {
            boolean refused = e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
            return refused ? SendResult.failed(550, "smtp_address_refused") : SendResult.retry(null, "smtp_send_failed");
        } catch (MailException e) {
            return SendResult.retry(null, "smtp_error");
        } catch (MessagingException e) {
            return SendResult.failed(null, "smtp_bad_message");
        }
    }

    /**
     * The text and HTML parts as the message's only content. Built by hand because MimeMessageHelper nests the
     * alternative inside multipart/mixed and multipart/related, which some clients show as having an attachment.
     */
    private static MimeMultipart alternative(String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        // Clients show the last part they can display, so the richer one goes last (RFC 2046, 5.1.4).
        return new MimeMultipart("alternative", plain, rich);
    }
}
