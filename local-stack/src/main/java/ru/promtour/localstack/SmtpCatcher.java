package ru.promtour.localstack;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) that accepts mail for any recipient, with or without AUTH (any
 * credentials pass), and records one {@link Message} per recipient in the {@link MessageLog}. Nothing
 * is relayed and nothing stays in GreenMail's mailboxes, so a load test that sends thousands of
 * emails does not grow the heap beyond the log.
 */
public final class SmtpCatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpCatcher.class);

    private final String host;
    private final int port;
    private final MessageLog messages;
    private GreenMail greenMail;

    public SmtpCatcher(String host, int port, MessageLog messages) {
        this.host = host;
        this.port = port;
        this.messages = messages;
    }

    public synchronized SmtpCatcher start() {
        if (greenMail == null) {
            GreenMail mail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
            mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            mail.getUserManager().setMessageDeliveryHandler((message, recipient) -> new Recipient(recipient));
            try {
                mail.start();
            }
            catch (IllegalStateException ex) {
                mail.stop();
                if (!Ports.accepts(host, port)) {
                    throw new IllegalStateException("Cannot start the SMTP server on " + host + ":" + port, ex);
                }
                throw new IllegalStateException(Ports.inUseMessage(host, port, "SMTP server", "SMTP_PORT"), ex);
            }
            greenMail = mail;
        }
        return this;
    }

    public int port() {
        return port;
    }

    private void record(MimeMessage mime, String recipient) {
        try {
            messages.record(new Message(UUID.randomUUID().toString(), Message.Channel.EMAIL, sender(mime), recipient,
                    mime.getSubject(), MailText.of(mime), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        }
        catch (MessagingException | IOException ex) {
            log.warn("Cannot read an email for {}; recording it without a body", recipient, ex);
            messages.record(new Message(UUID.randomUUID().toString(), Message.Channel.EMAIL, null, recipient,
                    null, "(unreadable email: " + ex + ")", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    private static String sender(MimeMessage mime) throws MessagingException {
        Address[] from = mime.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
    }

    @Override
    public synchronized void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** A mailbox that keeps nothing: delivering to it records the email and forgets it. */
    private final class Recipient implements GreenMailUser {

        private final String email;

        Recipient(MailAddress address) {
            this.email = address.getEmail();
        }

        @Override
        public String getEmail() {
            return email;
        }

        @Override
        public String getLogin() {
            return email;
        }

        @Override
        public void deliver(MovingMessage message) {
            deliver(message.getMessage());
        }

        @Override
        public void deliver(MimeMessage message) {
            record(message, email);
        }

        @Override
        public void create() {
            // nothing to create: no mailbox is kept
        }

        @Override
        public void delete() {
            // nothing to delete: no mailbox is kept
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
            // authentication is disabled
        }

        @Override
        public void authenticate(String password) {
            // authentication is disabled: any credentials pass
        }

        @Override
        public String getQualifiedMailboxName() {
            return email;
        }
    }
}
