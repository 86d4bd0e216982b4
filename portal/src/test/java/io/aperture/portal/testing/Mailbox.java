package io.aperture.portal.testing;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A mailbox of the tests' SMTP server (GreenMail), read over POP3; it exists once a first mail was delivered to it. */
public final class Mailbox {
    /** One mail as received: subject, text and Message-ID. */
    public record Received(String subject, String text, String messageId) {}

    private Mailbox() {
    }

    /** The mails to {@code address} whose subject contains {@code word}. */
    public static List<Received> mailsAbout(String word, String address) throws MessagingException, IOException {
        Store store = Session.getInstance(new Properties()).getStore("pop3");
        try {
            store.connect("127.0.0.1", RealServices.POP3_PORT, address, address);
        } catch (AuthenticationFailedException noMailYet) {
            return List.of();
        }
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Received> out = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                if (m.getSubject().contains(word)) {
                    String[] id = m.getHeader("Message-ID");
                    out.add(new Received(m.getSubject(), String.valueOf(m.getContent()), id == null ? null : id[0]));
                }
            }
            inbox.close(false);
            return out;
        } finally {
            store.close();
        }
    }
}
