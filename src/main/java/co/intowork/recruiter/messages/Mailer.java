package co.intowork.recruiter.messages;

/** Sends one e-mail, or says why not and whether trying again later may help. */
@FunctionalInterface
public interface Mailer {
    void send(Mail mail) throws MailFailure;

    /** {@code permanent}: the server refused the message or address itself; a later attempt would fail the same. */
    final class MailFailure extends Exception {
        private final boolean permanent;

        public MailFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
