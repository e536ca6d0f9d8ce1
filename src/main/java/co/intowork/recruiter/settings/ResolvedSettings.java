package co.intowork.recruiter.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The settings in force, each with the layer that decided it (shown by {@code config}). */
public final class ResolvedSettings {
    public record Value(String value, SettingSource source, String origin) {
    }

    private final Map<SettingKey, Value> values;

    ResolvedSettings(Map<SettingKey, Value> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public Optional<String> get(SettingKey key) {
        Value v = values.get(key);
        return v == null ? Optional.ofNullable(key.defaultValue()) : Optional.ofNullable(v.value());
    }

    public Value describe(SettingKey key) {
        Value v = values.get(key);
        return v != null ? v : new Value(key.defaultValue(), SettingSource.DEFAULT, "");
    }

    public int getInt(SettingKey key) {
        String raw = get(key).orElseThrow();
        try {
            int parsed = Integer.parseInt(raw.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            Value v = describe(key);
            throw new SettingsException(key.property() + " must be a whole number of zero or more, but the "
                    + v.source().label() + describeOrigin(v) + " gives '" + raw + "'. Correct it and start again.");
        }
    }

    public boolean getBoolean(SettingKey key) {
        String raw = get(key).orElse("false").trim().toLowerCase();
        return switch (raw) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> {
                Value v = describe(key);
                throw new SettingsException(key.property() + " must be true or false, but the " + v.source().label()
                        + describeOrigin(v) + " gives '" + raw + "'.");
            }
        };
    }

    private static String describeOrigin(Value v) {
        return v.origin() == null || v.origin().isEmpty() ? "" : " (" + v.origin() + ")";
    }
}
