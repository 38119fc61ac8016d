package org.recto.usage.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Landing-page throughput with counting off and on, in the same run: two running Recto instances (one started with
 * RECTO_USAGE_CAPTURE=false), loaded in alternating rounds so that drift (JIT, caches, the machine) falls on both.
 * Each request carries a browser User-Agent of its client thread's own (no cookie: the site sets none), so every
 * page is counted and each thread is a reader of its own.
 * Arguments: baseUrlOff baseUrlOn pathsFile threads secondsPerRound rounds.
 */
public final class PageLoadBenchmark {

    public static void main(String[] args) throws Exception {
        String off = args[0];
        String on = args[1];
        List<String> paths = Files.readAllLines(Path.of(args[2])).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("%d paths, %d client threads, %d rounds of %d s per setting%n", paths.size(), threads, rounds, seconds);
        for (int w = 0; w < 2; w++) { // warm-up (JIT, caches), not counted
            load(http, off, paths, threads, seconds);
            load(http, on, paths, threads, seconds);
        }
        long offTotal = 0;
        long onTotal = 0;
        for (int r = 1; r <= rounds; r++) {
            long a = load(http, off, paths, threads, seconds);
            long b = load(http, on, paths, threads, seconds);
            offTotal += a;
            onTotal += b;
            System.out.printf("round %d: counting off %,.0f pages/s, counting on %,.0f pages/s%n", r,
                    a / (double) seconds, b / (double) seconds);
        }
        double offRate = offTotal / (double) (seconds * rounds);
        double onRate = onTotal / (double) (seconds * rounds);
        System.out.printf("RESULT pages: counting off %,.0f pages/s, counting on %,.0f pages/s, on/off = %.1f %%%n",
                offRate, onRate, 100 * onRate / offRate);
    }

    private static long load(HttpClient http, String base, List<String> paths, int threads, int seconds) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int me = t;
            ts[t] = new Thread(() -> {
                String userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0."
                        + me + " Safari/537.36";
                int i = me;
                while (System.nanoTime() < end) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + paths.get(i++ % paths.size())))
                            .header("User-Agent", userAgent).GET().build();
                    try {
                        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        if (failed.get() > 0) {
            System.out.printf("  %s: %d requests failed%n", base, failed.get());
        }
        return ok.get();
    }
}
