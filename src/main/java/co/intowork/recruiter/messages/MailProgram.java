package co.intowork.recruiter.messages;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The user's own mail program, for when IT configured no SMTP server: a mailto: address (RFC 6068) with the message
 * filled in. Behind an interface so tests open nothing.
 */
@FunctionalInterface
public interface MailProgram {
    void open(URI mailto) throws Exception;

    static URI mailto(String to, String subject, String body) {
        return URI.create("mailto:" + encode(to).replace("%40", "@") + "?subject=" + encode(subject)
                + "&body=" + encode(body));
    }

    private static String encode(String text) {
        // RFC 6068 wants %20 for spaces and CRLF line breaks, not the form encoding's "+"
        return URLEncoder.encode(text == null ? "" : text.replace("\r\n", "\n").replace("\n", "\r\n"),
                StandardCharsets.UTF_8).replace("+", "%20");
    }
}
