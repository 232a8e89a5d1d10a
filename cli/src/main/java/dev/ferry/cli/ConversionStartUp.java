package dev.ferry.cli;

import dev.ferry.generator.report.Report;
import dev.ferry.generator.text.Templates;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.pig.PigParser;

/**
 * What a conversion needs whatever the repository holds, prepared on a thread of its own while the converting thread
 * parses the command line and reads the repository: the EL and Pig grammars (their ATNs), the SHA-256 provider, and
 * last, as a conversion needs them last, FreeMarker's configuration and the templates a conversion renders (~90 ms of
 * a cold run, run once in the interpreter). A one-app run no longer waits for them on its converting thread. It changes
 * no output: the converting thread finds each one ready, waits for one being prepared (a class initializing), or
 * prepares it itself when this thread has not got there (or failed: the converting thread meets the same failure
 * and reports it).
 */
final class ConversionStartUp {

    private ConversionStartUp() {}

    /** Starts the preparation on a daemon thread (the process never waits for it). */
    static void begin() {
        Thread thread = new Thread(ConversionStartUp::prepare, "ferry-start-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void prepare() {
        try {
            ElParser.prepare();
            PigParser.prepare();
            Report.GeneratedFile.sha256(new byte[0]);
            Templates.prepareForConversion();
        } catch (RuntimeException | LinkageError e) {
            // Left to the converting thread, which reports it where it renders (see the class comment).
        }
    }
}
