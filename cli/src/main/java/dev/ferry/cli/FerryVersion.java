package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} of every subcommand: the Maven project version, filtered into version.properties at build. */
public final class FerryVersion implements IVersionProvider {

    /** The version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = FerryVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ferry " + version()};
    }
}
