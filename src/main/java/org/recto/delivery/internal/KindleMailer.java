package org.recto.delivery.internal;

import java.nio.file.Path;

import org.recto.delivery.DeliveryProperties;
import org.recto.formats.FormatKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Sends one file to one Kindle address, from the configured sender, with the article's title as its subject. */
@Component
public class KindleMailer {

    private final DeliveryProperties props;
    private final ObjectProvider<JavaMailSender> sender;

    public KindleMailer(DeliveryProperties props, ObjectProvider<JavaMailSender> sender) {
        this.props = props;
        this.sender = sender;
    }

    /** @throws MailException or IllegalStateException when the SMTP server did not take the message */
    public void send(KindleAddress to, String title, Path file, String fileName, FormatKind kind) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || !props.kindleConfigured()) {
            throw new IllegalStateException("Sending to Kindle is not configured on this site.");
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(props.mailFrom());
            helper.setTo(to.email());
            helper.setSubject(title);
            helper.setText("The article “" + title + "”, sent to your Kindle at your request from "
                    + props.redirectBase() + ".", false);
            helper.addAttachment(fileName, new FileSystemResource(file), kind.mediaType());
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("The message could not be composed: " + e.getMessage(), e);
        }
    }
}
