package co.intowork.recruiter.common.ui;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Locale;

/**
 * Window sizes that fit the screen the window is on: the main window and dialogs never reach past the screen's
 * usable area (1280×720 is the smallest screen supported), dialogs take their content's size within it.
 */
public final class Windows {
    /**
     * {@code -Dintowork.ui.screen=1280x720} makes the app lay itself out as on a screen of that size (at most), to
     * check small screens on a large monitor; the tests use it too.
     */
    public static final String SCREEN_PROPERTY = "intowork.ui.screen";
    // room for the window manager's title bar and borders around a dialog
    private static final double DECORATION = 48;
    private static final double MIN_DIALOG_WIDTH = 480;
    private static final double MIN_DIALOG_HEIGHT = 320;

    private Windows() {
    }

    /** The usable area (without task bars) of the screen {@code window} is on, or of the main screen. */
    public static Rectangle2D usableArea(Window window) {
        Screen screen = Screen.getPrimary();
        if (window != null && window.getWidth() > 0) {
            var screens = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                    window.getHeight());
            if (!screens.isEmpty()) {
                screen = screens.get(0);
            }
        }
        Rectangle2D area = screen.getVisualBounds();
        String simulated = System.getProperty(SCREEN_PROPERTY, "");
        String[] size = simulated.toLowerCase(Locale.ROOT).split("x");
        if (size.length == 2) {
            try {
                area = new Rectangle2D(area.getMinX(), area.getMinY(),
                        Math.min(area.getWidth(), Double.parseDouble(size[0].trim())),
                        Math.min(area.getHeight(), Double.parseDouble(size[1].trim())));
            } catch (NumberFormatException ignored) {
                // a wrong value means no simulation; the real screen is used
            }
        }
        return area;
    }

    /**
     * The main window's scene: {@code width}×{@code height} where that fits with the window's decorations,
     * otherwise the whole usable area, the window then maximised, so that the status bar (with "Sign out") is
     * never below the screen's edge. Call before the stage is shown.
     */
    public static javafx.scene.Scene mainScene(Stage stage, Parent root, double width, double height) {
        Rectangle2D area = usableArea(null);
        boolean small = width + DECORATION / 2 > area.getWidth() || height + DECORATION > area.getHeight();
        javafx.scene.Scene scene = small
                ? new javafx.scene.Scene(root, area.getWidth(), area.getHeight() - DECORATION / 2)
                : new javafx.scene.Scene(root, width, height);
        stage.setScene(scene);
        if (small) {
            stage.setX(area.getMinX());
            stage.setY(area.getMinY());
            stage.setMaximized(true);
        }
        return scene;
    }

    /**
     * Sizes a dialog to its content's preferred size, within the owner's screen (its content scrolls inside when
     * the screen is smaller), centres it on the owner, then shows it. A maximised owner stays maximised: some window
     * managers restore the owner when a modal child opens.
     */
    public static void showDialog(Stage dialog, Window owner) {
        Parent root = dialog.getScene().getRoot();
        root.applyCss();
        root.layout();
        Rectangle2D area = usableArea(owner);
        double width = Math.min(Math.max(root.prefWidth(-1), MIN_DIALOG_WIDTH), area.getWidth() - DECORATION / 2);
        double height = Math.min(Math.max(root.prefHeight(width), MIN_DIALOG_HEIGHT), area.getHeight() - DECORATION);
        dialog.setWidth(width);
        dialog.setHeight(height);
        dialog.setMinWidth(Math.min(MIN_DIALOG_WIDTH, width));
        dialog.setMinHeight(Math.min(MIN_DIALOG_HEIGHT, height));
        dialog.setMaxHeight(area.getHeight());
        if (owner != null && owner.getWidth() > 0) {
            dialog.setX(clamp(owner.getX() + (owner.getWidth() - width) / 2, area.getMinX(), area.getMaxX() - width));
            dialog.setY(clamp(owner.getY() + (owner.getHeight() - height) / 2, area.getMinY(),
                    area.getMaxY() - height - DECORATION / 2));
        } else {
            dialog.centerOnScreen();
        }
        if (owner instanceof Stage ownerStage && ownerStage.isMaximized()) {
            ChangeListener<Boolean> keepMaximised = (obs, was, now) -> {
                if (!now && dialog.isShowing()) {
                    ownerStage.setMaximized(true);
                }
            };
            ownerStage.maximizedProperty().addListener(keepMaximised);
            dialog.setOnHidden(e -> ownerStage.maximizedProperty().removeListener(keepMaximised));
        }
        dialog.show();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }
}
