package org.recto.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the read-only shared data lives (../shared beside the repository; surefire passes the path). */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("recto.shared.dir", "../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The shared data folder is missing: " + dir);
        }
        return dir;
    }

    public static Path seed(String name) {
        return dir().resolve("seed/jats").resolve(name);
    }

    public static Path corpus(String name) {
        return dir().resolve("corpus/jats").resolve(name);
    }

    /** The COUNTER robots list. */
    public static Path robotsList() {
        return dir().resolve("data/counter-robots/COUNTER_Robots_list.json");
    }

    /** The COUNTER_SUSHI 5.1 OpenAPI specification. */
    public static Path sushiSpec() {
        return dir().resolve("data/counter-sushi/COUNTER_SUSHI_API_r51.json");
    }

    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
