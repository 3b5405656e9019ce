package ru.promtour.notification.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import ru.promtour.notification.config.NotificationProperties;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;

/**
 * Email over SMTP (GreenMail locally, Mailpit in compose): plain text plus HTML alternative, our message
 * id in {@code X-PromTour-Message-Id} so a delivered copy can be traced back to the log, and a {@code Message-ID}
 * made from it, the same for every try of the send.
 */
@Component
public class EmailSender implements ChannelSender {

    public static final String MESSAGE_ID_HEADER = "X-PromTour-Message-Id";

    private final JavaMailSender mail;
    private final String from;

    public EmailSender(JavaMailSender mail, NotificationProperties properties) {
        this.mail = mail;
        this.from = properties.mail().from();
    }

    /**
     * A message whose {@code Message-ID} is ours ({@code <deliveryKey@sender domain>}) instead of a random one made at
     * sending: a send repeated after a crash is the same email to the recipient's mail client, which shows it once.
     */
    private MimeMessage stableId(Session session, String deliveryKey) {
        String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim();
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + deliveryKey + "@" + domain + ">");
            }
        };
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String send(Message message) {
        MimeMessage mime;
        try {
            mime = stableId(mail.createMimeMessage().getSession(), message.deliveryKey());
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            mime.setHeader(MESSAGE_ID_HEADER, message.id());
        }
        catch (MessagingException | RuntimeException ex) {
            throw new PermanentSendException("cannot build the email: " + ex.getMessage(), ex);
        }
        try {
            mail.send(mime);
            return message.id();
        }
        catch (MailParseException | MailPreparationException ex) {
            throw new PermanentSendException("email refused: " + ex.getMessage(), ex);
        }
        catch (MailSendException ex) {
            if (ex.getMessageExceptions().length > 0 && ex.getMessageExceptions()[0] instanceof SendFailedException refused
                    && refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0) {
                throw new PermanentSendException("recipient refused by the SMTP server: " + refused.getMessage(), ex);
            }
            throw new TransientSendException("SMTP send failed: " + ex.getMessage(), ex);
        }
        catch (MailAuthenticationException ex) {
            throw new TransientSendException("SMTP authentication failed: " + ex.getMessage(), ex);
        }
        catch (MailException ex) {
            throw new TransientSendException("SMTP failure: " + ex.getMessage(), ex);
        }
    }
}
