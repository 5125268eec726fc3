package dev.homeweb.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Checks and conversions of single option values, each failing with the option's name. */
final class OptionValues {
    static final Pattern HOST_NAME =
            Pattern.compile(
                    "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*|\\[.*\\]");

    private OptionValues() {}

    static void requireReadable(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(option + " " + file + " does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException(option + " " + file + " is not readable by this user");
        }
    }

    static void requireHostName(String option, String host, String mode) {
        if (IP_ADDRESS.matcher(host).matches()) {
            throw new ConfigException(
                    option
                            + " has the IP address "
                            + host
                            + " as host name; --https "
                            + mode
                            + " needs a DNS name such as blog.example.org");
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new ConfigException(option + " '" + host + "' is not a DNS host name");
        }
    }

    static int port(String option, long value) {
        if (value < 1 || value > 65535) {
            throw new ConfigException(
                    "--" + option + " " + value + " is out of range; use 1-65535 (default 443)");
        }
        return (int) value;
    }

    static long parseNumber(String option, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("--" + option + " '" + value + "' is not a number");
        }
    }

    static boolean parseBoolean(Function<String, Optional<String>> settings, String option) {
        var value =
                settings.apply(option).map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new ConfigException(
                            "--" + option + " '" + value + "' is neither true nor false");
        };
    }
}
