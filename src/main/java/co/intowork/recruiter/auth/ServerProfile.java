package co.intowork.recruiter.auth;

import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;

import java.util.ArrayList;
import java.util.List;

/** Where to sign in: the company's INTOWORK server from the settings, or the demo database on this computer. */
public record ServerProfile(String id, String label, boolean embedded) {
    public static final String SERVER = "server";
    public static final String DEMO = "demo";

    /** The configured server first (when there is one), then the local demo unless IT switched it off. */
    public static List<ServerProfile> from(ResolvedSettings settings, String serverDescription) {
        List<ServerProfile> profiles = new ArrayList<>();
        boolean hasServer = !ConnectionSettings.wantsEmbedded(settings);
        if (hasServer) {
            profiles.add(new ServerProfile(SERVER, Messages.format("login.profile.server", serverDescription), false));
        }
        if (!hasServer || settings.getBoolean(SettingKey.EMBEDDED_DEMO)) {
            profiles.add(new ServerProfile(DEMO, Messages.text("login.profile.demo"), true));
        }
        return List.copyOf(profiles);
    }

    @Override
    public String toString() {
        return label;
    }
}
