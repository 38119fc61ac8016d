package org.recto.formats.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleFiles;
import org.recto.article.StoredArticle;
import org.recto.formats.ArticleFormats;
import org.recto.formats.AvailableFormat;
import org.recto.formats.FormatKind;
import org.recto.formats.FormatsPrepared;
import org.recto.formats.FormatsProperties;
import org.recto.web.DoiRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

/**
 * The generated files of each version, kept under {@code recto.formats.dir} as
 * {@code <hash of the DOI>/v<N>.pdf} and {@code .epub}. A file is made once: by the background queue after
 * publishing, or by the first reader to ask; concurrent first requests wait for the one rendering. Making
 * runs on a small pool of its own, bounded in time; a file that could not be made is remembered for a while,
 * so that a broken article is not laid out again on every request.
 */
public class FormatFiles implements ArticleFormats {

    private static final Logger log = LoggerFactory.getLogger(FormatFiles.class);
    private static final Duration FAILURE_MEMORY = Duration.ofMinutes(10);

    private final FormatsProperties props;
    private final ArticleCatalog catalog;
    private final FormatMaker maker;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService pool;
    private final Map<String, Job> making = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    /**
     * A file being made or queued: how many readers wait for it and whether the background queue asked for it. A
     * render that starts when every reader has given up and the background did not ask for it is not made: it
     * would hold a render thread for a file nobody is waiting for (the readers were told it took too long).
     */
    private static final class Job {
        final CompletableFuture<Path> result = new CompletableFuture<>();
        private int waiters;
        private boolean wanted;
        private boolean cancelled;

        /** False if this job was already given up: the caller starts a new one. */
        synchronized boolean join(boolean background) {
            if (!cancelled) {
                if (background) {
                    wanted = true;
                } else {
                    waiters++;
                }
            }
            return !cancelled;
        }

        synchronized void leave() {
            waiters--;
        }

        /** At the render's start: whether it is still wanted (if not, nobody can join it any more). */
        synchronized boolean start() {
            cancelled = waiters <= 0 && !wanted;
            return !cancelled;
        }
    }

    /** Why a file could not be made, and when that was found. */
    record Failure(String reason, Instant at) {
    }

    public FormatFiles(FormatsProperties props, ArticleCatalog catalog, ArticleFiles files, ApplicationEventPublisher events,
                       TransactionTemplate tx, Clock clock) {
        this.props = props;
        this.catalog = catalog;
        this.maker = new FormatMaker(catalog, files);
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(props.renderThreads(), props.renderThreads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "formats-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY - 1);
                    return t;
                });
    }

    @Override
    public List<AvailableFormat> available(String doi, int version, boolean latest) {
        List<AvailableFormat> formats = new ArrayList<>();
        for (FormatKind kind : FormatKind.values()) {
            String href = DoiRoute.Scope.PAGE.path(UriUtils.encodePath(doi, StandardCharsets.UTF_8), kind.extension())
                    + (latest ? "" : "?version=" + version);
            Path file = path(doi, version, kind);
            Long bytes = null;
            try {
                bytes = Files.size(file);
            } catch (IOException notYet) {
                // made on its first request
            }
            formats.add(new AvailableFormat(kind, href, bytes));
        }
        return formats;
    }

    @Override
    public Path file(StoredArticle stored, FormatKind kind) throws IOException {
        try {
            return obtain(stored, kind);
        } catch (FormatUnavailableException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The stored file, made now (or by whoever is making it) if there is none yet. */
    public Path obtain(StoredArticle stored, FormatKind kind) throws FormatUnavailableException {
        return obtain(stored, kind, false);
    }

    /** Makes both files of a version in the background, unless they exist (after publishing). */
    public void prepare(String doi, int version) {
        for (FormatKind kind : FormatKind.values()) {
            if (!Files.isRegularFile(path(doi, version, kind))) {
                pool.execute(() -> catalog.find(doi, version).ifPresent(stored -> {
                    try {
                        obtain(stored, kind, true);
                    } catch (FormatUnavailableException e) {
                        // logged where it failed
                    }
                }));
            }
        }
    }

    /** @param inline make it on this thread (one of the pool's own) rather than hand it to the pool */
    private Path obtain(StoredArticle stored, FormatKind kind, boolean inline) throws FormatUnavailableException {
        String doi = stored.article().doi();
        Path file = path(doi, stored.version(), kind);
        if (Files.isRegularFile(file)) {
            return file;
        }
        String key = key(doi, stored.version(), kind);
        Failure failed = failures.get(key);
        if (failed != null && failed.at().plus(FAILURE_MEMORY).isAfter(clock.instant())) {
            throw new FormatUnavailableException(failed.reason());
        }
        Joined job = join(key, inline);
        if (job.created()) {
            // The render's own deadline starts when it does (a queued one waits first) and stops it, so that
            // a render nobody waits for any more gives its thread back rather than running to its end.
            Job mine = job.job();
            Runnable run = () -> {
                try {
                    if (mine.start()) {
                        mine.result.complete(make(stored, kind, file, RenderDeadline.after(props.renderTimeout())));
                    } else {
                        mine.result.completeExceptionally(new RenderDeadline.Abandoned("nobody waits for it any more"));
                    }
                } catch (Throwable t) {
                    mine.result.completeExceptionally(t);
                } finally {
                    making.remove(key, mine);
                }
            };
            if (inline) {
                run.run();
            } else {
                pool.execute(run);
            }
        }
        return await(job.job(), key, doi, kind, inline);
    }

    /** The job this caller waits for, and whether the caller created it (and so must start it). */
    private record Joined(Job job, boolean created) {
    }

    private Joined join(String key, boolean background) {
        while (true) {
            Job fresh = new Job();
            Job existing = making.putIfAbsent(key, fresh);
            Job job = existing == null ? fresh : existing;
            if (job.join(background)) {
                return new Joined(job, existing == null);
            }
            making.remove(key, job);
        }
    }

    private Path await(Job job, String key, String doi, FormatKind kind, boolean background) throws FormatUnavailableException {
        try {
            return job.result.get(props.renderTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            leave(job, background);
            remember(key, doi, kind, "it took longer than " + props.renderTimeout().toSeconds() + " s to make", null);
            throw new FormatUnavailableException("it took too long to make");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            remember(key, doi, kind, reason, cause);
            throw new FormatUnavailableException(reason);
        } catch (InterruptedException e) {
            leave(job, background);
            Thread.currentThread().interrupt();
            throw new FormatUnavailableException("the server is stopping");
        }
    }

    private static void leave(Job job, boolean background) {
        if (!background) {
            job.leave();
        }
    }

    /** Forgets the files of every version of a DOI (a correction now links to it, or a reindex). */
    public void drop(String doi) {
        Path dir = path(doi, 1, FormatKind.PDF).getParent();
        failures.keySet().removeIf(k -> k.startsWith(doi.toLowerCase(Locale.ROOT) + "#"));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        } catch (java.nio.file.NoSuchFileException none) {
            // nothing made yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the files of one version (a reindex makes them again). */
    public void drop(String doi, int version) {
        for (FormatKind kind : FormatKind.values()) {
            failures.remove(key(doi, version, kind));
            try {
                Files.deleteIfExists(path(doi, version, kind));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Optional<Path> existing(String doi, int version, FormatKind kind) {
        Path file = path(doi, version, kind);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    Path path(String doi, int version, FormatKind kind) {
        String hash = sha256(doi.toLowerCase(Locale.ROOT));
        return props.dir().resolve(hash.substring(0, 2)).resolve(hash).resolve("v" + version + "." + kind.extension());
    }

    private Path make(StoredArticle stored, FormatKind kind, Path file, RenderDeadline deadline) {
        try {
            long started = System.nanoTime();
            byte[] bytes = maker.make(stored, kind, deadline);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.debug("{} of {} v{} made in {} ms ({} bytes)", kind, stored.article().doi(), stored.version(),
                    (System.nanoTime() - started) / 1_000_000, bytes.length);
            FormatsPrepared prepared = new FormatsPrepared(stored.article().doi(), stored.version(), kind, bytes.length);
            tx.executeWithoutResult(status -> events.publishEvent(prepared));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void remember(String key, String doi, FormatKind kind, String reason, Throwable cause) {
        failures.put(key, new Failure(reason, clock.instant()));
        log.warn("The {} of {} could not be made: {}", kind, doi, reason, cause);
    }

    private static String key(String doi, int version, FormatKind kind) {
        return doi.toLowerCase(Locale.ROOT) + "#" + version + "#" + kind;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many renders are running now (a test's view of the pool). */
    int rendering() {
        return ((ThreadPoolExecutor) pool).getActiveCount();
    }

    /** How many renders the pool has finished, given up included (a test's view of the pool). */
    long finished() {
        return ((ThreadPoolExecutor) pool).getCompletedTaskCount();
    }

    /** Stops the pool with the application. */
    public void close() {
        pool.shutdownNow();
    }
}
