package co.intowork.recruiter.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Which section the main window shows, and the shortcut list over it. A section is chosen only while the workspace
 * may be used (someone signed in, the session not ended); signing out goes back to the first.
 */
final class Navigation {
    private final List<Section> sections;
    private final BooleanSupplier enabled;
    private final ObjectProperty<Section> section;
    private final BooleanProperty helpVisible = new SimpleBooleanProperty(false);

    /** {@code sections}: the registry's, in the navigation's order; {@code enabled}: whether one may be chosen. */
    Navigation(List<Section> sections, BooleanSupplier enabled) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("The navigation needs at least one section");
        }
        this.sections = List.copyOf(sections);
        this.enabled = enabled;
        this.section = new SimpleObjectProperty<>(this.sections.get(0));
    }

    List<Section> sections() {
        return sections;
    }

    void select(Section s) {
        if (enabled.getAsBoolean() && sections.contains(s)) {
            section.set(s);
        }
    }

    /** Back to the first section (nobody signed in any more). */
    void reset() {
        section.set(sections.get(0));
    }

    ReadOnlyObjectProperty<Section> sectionProperty() {
        return section;
    }

    void toggleHelp() {
        helpVisible.set(!helpVisible.get());
    }

    void hideHelp() {
        helpVisible.set(false);
    }

    BooleanProperty helpVisibleProperty() {
        return helpVisible;
    }
}
