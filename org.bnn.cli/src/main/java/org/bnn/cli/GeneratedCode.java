package org.bnn.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

import org.bnn.runtime.data.DataException;
import org.bnn.runtime.explore.ExecutorFailure;
import org.bnn.runtime.weights.WeightsException;

import picocli.CommandLine.Model.CommandSpec;

/** Calls into compiled generated code; what a user's data or files cause becomes a one-line error. */
final class GeneratedCode {
    private GeneratedCode() {
    }

    /**
     * Invokes a static method of a generated class.
     *
     * @return false if it failed on the user's input (missing or corrupt data or weights, images or
     *         weights that do not fit the network) or its executor failed (a cluster gone), after printing why
     */
    static boolean invoke(CommandSpec spec, Path file, Method method, Object... arguments) throws IllegalAccessException {
        try {
            method.invoke(null, arguments);
            return true;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DataException || cause instanceof WeightsException || cause instanceof IllegalArgumentException
                    || cause instanceof ExecutorFailure) {
                spec.commandLine().getErr().println("bnn: " + file + ": " + cause.getMessage());
                return false;
            }
            throw new IllegalStateException(method.getDeclaringClass().getSimpleName() + " failed: " + cause, cause);
        }
    }
}
