package co.intowork.recruiter.common.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Loads a view's FXML (beside its controller class) with a controller built around its ViewModel, and the texts
 * of the chosen language for its %key attributes.
 */
public final class Views {
    private Views() {
    }

    public static Parent load(Class<?> controllerType, Object controller) {
        FXMLLoader loader = new FXMLLoader(controllerType.getResource(controllerType.getSimpleName() + ".fxml"));
        loader.setControllerFactory(type -> controller);
        loader.setResources(Messages.bundle());
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the view " + controllerType.getSimpleName(), e);
        }
    }
}
