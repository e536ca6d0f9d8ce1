package co.intowork.recruiter.auth;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** The sign-in form: email, password, server; also used to sign in again when a session has ended. */
public final class LoginViewModel {
    /** What happens on "Sign in"; the main window's ViewModel does the work. */
    @FunctionalInterface
    public interface Submitter {
        void submit(String email, String password);
    }

    private final ObservableList<ServerProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ServerProfile> selectedProfile = new SimpleObjectProperty<>();
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty errorMessage = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanProperty signingIn = new SimpleBooleanProperty(false);
    private final BooleanProperty signingInAgain = new SimpleBooleanProperty(false);
    private final ObservableList<DemoLogin> demoLogins = FXCollections.observableArrayList();
    private final BooleanBinding canSubmit;
    private Submitter submitter = (e, p) -> { };

    public LoginViewModel(List<ServerProfile> available, ServerProfile initial) {
        profiles.setAll(available);
        selectedProfile.set(initial != null ? initial : available.isEmpty() ? null : available.get(0));
        canSubmit = Bindings.createBooleanBinding(
                () -> !signingIn.get() && !email.get().isBlank() && !password.get().isEmpty()
                        && selectedProfile.get() != null,
                signingIn, email, password, selectedProfile);
    }

    public void setSubmitter(Submitter submitter) {
        this.submitter = submitter;
    }

    public void submit() {
        if (!canSubmit.get()) {
            if (email.get().isBlank() || password.get().isEmpty()) {
                errorMessage.set("Enter your INTOWORK email address and password.");
            }
            return;
        }
        errorMessage.set("");
        submitter.submit(email.get().strip(), password.get());
    }

    /** Fills the form with a demo account (its password is public and printed on the screen). */
    public void useDemoAccount(DemoLogin login) {
        if (login == null || signingInAgain.get()) {
            return;
        }
        email.set(login.email());
        password.set(DemoLogin.PASSWORD);
        errorMessage.set("");
    }

    /** Called when the database ended the session: same account, the work on screen stays as it is. */
    public void askToSignInAgain(String userEmail, String why) {
        email.set(userEmail);
        password.set("");
        notice.set(why);
        errorMessage.set("");
        signingInAgain.set(true);
    }

    public void reset() {
        password.set("");
        notice.set("");
        errorMessage.set("");
        signingInAgain.set(false);
        signingIn.set(false);
    }

    public void clearPassword() {
        password.set("");
    }

    public ObservableList<ServerProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ServerProfile> selectedProfileProperty() {
        return selectedProfile;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty errorMessageProperty() {
        return errorMessage;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public BooleanProperty signingInProperty() {
        return signingIn;
    }

    public BooleanProperty signingInAgainProperty() {
        return signingInAgain;
    }

    public ObservableList<DemoLogin> demoLogins() {
        return demoLogins;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
