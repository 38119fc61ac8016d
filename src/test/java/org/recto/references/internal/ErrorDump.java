package org.recto.references.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.recto.references.training.Evaluation;
import org.recto.references.training.Sample;
import org.recto.references.training.Training;
import org.recto.references.training.TrainingData;

/** Development aid: prints dev strings whose predicted fields differ from gold. */
final class ErrorDump {

    private ErrorDump() {
    }

    public static void main(String[] args) throws Exception {
        CrfModel m;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            m = CrfModel.read(in);
        }
        List<Sample> dev = Training.split(TrainingData.readDirectory(Path.of(args[0]))).get(1);
        String source = args.length > 2 ? args[2] : null;
        for (Sample s : dev) {
            if (source != null && !s.source().equals(source)) {
                continue;
            }
            Tokens toks = Tokenizer.tokenize(s.text());
            List<Span> pred = m.tag(toks);
            Evaluation e = new Evaluation();
            e.add(s.text(), s.spans(), pred);
            if (e.microF1() < 0.999) {
                System.out.println("## " + s.source() + " " + s.file() + " | " + s.text());
                System.out.println("  gold: " + show(s.text(), s.spans()));
                System.out.println("  pred: " + show(s.text(), pred));
            }
        }
    }

    private static String show(String text, List<Span> spans) {
        StringBuilder b = new StringBuilder();
        for (Span sp : spans) {
            b.append('[').append(sp.label()).append(": ").append(Evaluation.clean(text.substring(sp.start(), sp.end())))
                    .append("] ");
        }
        return b.toString();
    }
}
