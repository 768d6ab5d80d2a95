package org.bnn.cli.tests;

import static org.bnn.cli.tests.CliRun.bnn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.log4j.Appender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.bnn.dsl.tests.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a library logs while a command runs reaches the user as one line, without stack frames. */
class LogLinesTest {
    private final List<Appender> saved = new ArrayList<>();
    private Level savedLevel;

    @BeforeEach
    void saveLogging() {
        Logger root = Logger.getRootLogger();
        savedLevel = root.getLevel();
        Collections.list(root.getAllAppenders()).forEach(a -> saved.add((Appender) a));
    }

    @AfterEach
    void restoreLogging() {
        Logger root = Logger.getRootLogger();
        root.removeAllAppenders();
        saved.forEach(root::addAppender);
        root.setLevel(savedLevel);
    }

    @Test
    void anErrorLoggedWithAnExceptionIsOneLine() {
        String quickstart = TestFiles.repositoryRoot().resolve("examples/quickstart/quickstart.bnn").toString();
        // The command installs the appender, writing to the stderr of this run; what a validator
        // rule would log when it throws is logged here the same way Xtext does.
        CliRun run = CliRun.capture(() -> {
            int exit = org.bnn.cli.BnnCli.execute("check", quickstart);
            Logger.getLogger("org.eclipse.xtext.validation.CompositeEValidator").error("Error executing EValidator",
                    new NullPointerException("Cannot invoke \"Quantity.getValue()\""));
            Logger.getLogger("org.eclipse.xtext.resource").info("loaded");
            return exit;
        });
        assertEquals(0, run.exit(), run.all());
        assertEquals(List.of("0 errors, 0 warnings in 1 file",
                "bnn: internal error: Error executing EValidator: java.lang.NullPointerException: Cannot invoke \"Quantity.getValue()\""
                        + " (set BNN_DEBUG=1 for the stack trace)"), run.err().lines().toList(), run.err());
        assertFalse(run.all().contains("\tat "), run.all());
        assertTrue(bnn("check", quickstart).err().contains("0 errors"));
    }
}
