package co.intowork.recruiter.common.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;

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

    /**
     * Shows only the button's icon, its text as the tooltip and for screen readers: toolbars that must fit 1280
     * pixels beside the navigation keep the words for their main actions.
     */
    public static void iconOnly(ButtonBase button) {
        String text = button.getText();
        button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        button.setTooltip(new Tooltip(text));
        button.setAccessibleText(text);
        button.getStyleClass().add("button-icon");
    }
}
