package org.recto;

import java.util.Set;

/**
 * The command-line verbs of {@code recto.jar}. Batch verbs run inside the Spring application
 * (each module's runner acts on its own verb); standalone verbs run without it.
 */
final class Commands {

    /** Verbs that need the database and the modules, but no web server. */
    static final Set<String> BATCH = Set.of("import", "import-benchmark", "usage-rollup", "reindex", "crossref-deposit");

    private Commands() {
    }

    static boolean isBatch(String[] args) {
        return args.length > 0 && BATCH.contains(args[0]);
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
