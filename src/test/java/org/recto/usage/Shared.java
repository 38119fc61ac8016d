package org.recto.usage;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only shared data, found through the {@code recto.shared.dir} system property (set by the pom). */
public final class Shared {

    private Shared() {
    }

    public static Path dir() {
        String d = System.getProperty("recto.shared.dir");
        Path p = d == null ? Path.of("../shared") : Path.of(d);
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("Shared data not found at " + p.toAbsolutePath()
                    + " (system property recto.shared.dir)");
        }
        return p;
    }

    public static Path robotsList() {
        return dir().resolve("data/counter-robots/COUNTER_Robots_list.json");
    }

    public static Path sushiSpec() {
        return dir().resolve("data/counter-sushi/COUNTER_SUSHI_API_r51.json");
    }
}
