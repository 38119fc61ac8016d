package org.recto.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.recto.ingest.IngestProperties;
import org.recto.ingest.IngestResult;
import org.recto.ingest.JatsIngest;
import org.recto.ingest.ReadDocument;
import org.recto.jats.JatsProblem;

/**
 * An import in two stages: {@code threads} readers read and parse documents (no database), and {@code writers}
 * store them in batches of {@code batchSize}, one transaction each, on connections of their own. Between them a
 * bounded queue: readers wait when the writers lag, so an import of 100,000 articles holds a few batches in
 * memory, never the whole import.
 */
final class ImportPipeline {

    /** One input: reads the document (its bytes and package files) and parses it; never throws. */
    interface Input {
        ReadDocument read(JatsIngest ingest);
    }

    /** Told of each result as it is known, from any thread. */
    interface Listener {
        void done(int index, IngestResult result);
    }

    private record Item(int index, ReadDocument document) {
    }

    private static final Item END = new Item(-1, null);

    private final JatsIngest ingest;
    private final IngestProperties properties;

    ImportPipeline(JatsIngest ingest, IngestProperties properties) {
        this.ingest = ingest;
        this.properties = properties;
    }

    /** Imports every input; the results are in input order. */
    IngestResult[] run(List<? extends Input> inputs, Listener listener) throws InterruptedException {
        IngestResult[] results = new IngestResult[inputs.size()];
        int readers = properties.effectiveThreads();
        int writers = properties.writers();
        int batchSize = properties.batchSize();
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(Math.max(2, batchSize * writers * 2));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(readers + writers);
        try {
            List<Future<?>> reading = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                reading.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
                        queue.put(new Item(i, inputs.get(i).read(ingest)));
                    }
                    return null;
                }));
            }
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writing.add(pool.submit(() -> {
                    write(queue, batchSize, results, listener);
                    return null;
                }));
            }
            for (Future<?> f : reading) {
                get(f);
            }
            for (int w = 0; w < writers; w++) {
                queue.put(END);
            }
            for (Future<?> f : writing) {
                get(f);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return results;
    }

    /** Takes batches off the queue until it meets the end; a batch is what is there, up to batchSize. */
    private void write(BlockingQueue<Item> queue, int batchSize, IngestResult[] results, Listener listener)
            throws InterruptedException {
        boolean end = false;
        while (!end) {
            List<Item> batch = new ArrayList<>(batchSize);
            Item first = queue.take();
            if (first == END) {
                return;
            }
            batch.add(first);
            while (batch.size() < batchSize) {
                Item item = queue.poll(20, TimeUnit.MILLISECONDS);
                if (item == null) {
                    break;
                }
                if (item == END) {
                    end = true;
                    break;
                }
                batch.add(item);
            }
            List<IngestResult> stored = store(batch);
            for (int i = 0; i < batch.size(); i++) {
                results[batch.get(i).index()] = stored.get(i);
                listener.done(batch.get(i).index(), stored.get(i));
            }
        }
    }

    private List<IngestResult> store(List<Item> batch) {
        try {
            return ingest.storeAll(batch.stream().map(Item::document).toList());
        } catch (RuntimeException e) {
            return batch.stream().map(item -> IngestResult.failed(item.document().source(), List.of(
                    new JatsProblem(item.document().source(), 0, 0, "could not be imported: " + e)))).toList();
        }
    }

    private static void get(Future<?> f) throws InterruptedException {
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the import stopped: " + e.getCause(), e.getCause());
        }
    }
}
