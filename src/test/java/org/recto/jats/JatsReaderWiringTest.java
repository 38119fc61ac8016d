package org.recto.jats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.support.SharedData;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The reader as a Spring bean with its setting, and as one instance shared by several threads. */
class JatsReaderWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JatsProperties.class)
    static class Settings {
    }

    @Test
    void theSizeLimitComesFromTheConfiguration() {
        new ApplicationContextRunner().withUserConfiguration(JatsReader.class, Settings.class)
                .withPropertyValues("recto.jats.max-bytes=1000")
                .run(context -> assertThat(context.getBean(JatsReader.class).maxBytes()).isEqualTo(1000));
        new ApplicationContextRunner().withUserConfiguration(JatsReader.class, Settings.class)
                .run(context -> assertThat(context.getBean(JatsReader.class).maxBytes())
                        .isEqualTo(JatsReader.DEFAULT_MAX_BYTES));
    }

    @Test
    void oneReaderServesSeveralThreadsAtOnce() throws Exception {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(SharedData.dir().resolve("corpus/jats"))) {
            for (Path p : s.sorted().limit(60).toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        JatsReader reader = new JatsReader();
        List<Article> sequential = new ArrayList<>();
        for (byte[] f : files) {
            sequential.add(reader.read(f, "seq"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Article>> parallel = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (byte[] f : files) {
                    parallel.add(pool.submit(() -> reader.read(f, "par")));
                }
            }
            for (int i = 0; i < parallel.size(); i++) {
                assertThat(parallel.get(i).get()).isEqualTo(sequential.get(i % files.size()));
            }
        } finally {
            pool.shutdown();
        }
    }
}
