package org.recto;

import java.io.PrintStream;
import java.util.Set;

/**
 * The command-line verbs of {@code recto.jar}. Batch verbs run inside the Spring application
 * (each module's runner acts on its own verb); standalone verbs run without it; {@code help},
 * {@code --help} and a word that is no verb print the verbs and exit without starting anything.
 */
final class Commands {

    /** Verbs that need the database and the modules, but no web server. */
    static final Set<String> BATCH = Set.of("import", "import-benchmark", "usage-rollup", "reindex",
            "mentions-import", "crossref-deposit");

    /** Exit code for a word that is no verb (as for a usage error). */
    static final int UNKNOWN_VERB = 2;

    static final String USAGE = """
            usage: java -jar recto.jar [--server.port=N] [--name=value ...]   serve the site (the default)
                   java -jar recto.jar VERB [ARGUMENTS]

            verbs:
              import PATH...             import JATS XML files, folders and zip archives, then prepare the pages
              import-benchmark PATH...   import into an empty store and print articles/s beside a bare XML parse
              usage-rollup               run the daily COUNTER usage roll-up now
              reindex                    rebuild every datum derived from the store (references, citations, index, pages)
              mentions-import FILE       add attention mentions from a JSON-lines file
              crossref-deposit [--journal KEY] [--since YYYY-MM-DD] [--out FILE]
                                         write a Crossref deposit file of the latest versions
              refs-parse                 parse references, one a line on stdin, JSON lines on stdout
              refs-eval FILE...          score the reference parser on gold files
              refs-train                 retrain the reference parser from ../shared/refs/train
              help                       print this

            The site's port is RECTO_PORT (or --server.port=N), 8080 by default; see README.md for every setting.
            """;

    private Commands() {
    }

    static boolean isBatch(String[] args) {
        return args.length > 0 && BATCH.contains(args[0]);
    }

    /**
     * For {@code help}, {@code --help}, {@code -h} or an unknown verb: prints the verbs and answers the exit code
     * (0 when help was asked for, {@link #UNKNOWN_VERB} otherwise). Null when the arguments start the site or a verb.
     */
    static Integer help(String[] args, PrintStream out, PrintStream err) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
        }
        if (args.length == 0 || args[0].startsWith("--")) {
            return null; // the site, with Spring Boot options
        }
        if (args[0].equals("help")) {
            out.print(USAGE);
            return 0;
        }
        if (BATCH.contains(args[0]) || org.recto.references.ReferenceCommands.VERBS.contains(args[0])) {
            return null;
        }
        err.println("recto.jar: \"" + printable(args[0]) + "\" is not a command.");
        err.print(USAGE);
        return UNKNOWN_VERB;
    }

    private static String printable(String word) {
        return word.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Runs a verb that needs no Spring context; answers whether it did. */
    static boolean runStandalone(String[] args) {
        if (args.length > 0 && org.recto.references.ReferenceCommands.VERBS.contains(args[0])) {
            int code = org.recto.references.ReferenceCommands.run(args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
            if (code != 0) {
                System.exit(code);
            }
            return true;
        }
        return false;
    }
}
