package org.bnn.cli.compile;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Map;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.bnn.report.ExperimentReport;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.train.Trainer;

/**
 * Compiles generated simulations in memory against org.bnn.runtime and loads them, so that
 * {@code bnn run} needs no build tool and tests can run what the generator wrote.
 */
public final class InMemoryJavaCompiler {

    /** The compiled classes of one compilation, with the compiler's warnings. */
    public record Result(ClassLoader classLoader, List<String> warnings) {
        public Class<?> load(String className) throws ClassNotFoundException {
            return Class.forName(className, true, classLoader);
        }

        /** The class compiled from the source at {@code path} (a key of the compiled map, {@code a/b/C.java}). */
        public Class<?> loadSource(String path) throws ClassNotFoundException {
            return load(path.substring(0, path.length() - ".java".length()).replace('/', '.'));
        }
    }

    /**
     * Compiles {@code sources} (path like {@code a/b/C.java} → text) with all lint warnings on.
     *
     * @throws CompilationException with the compiler's messages if any source has an error
     */
    public Result compile(Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new CompilationException("no Java compiler in this runtime; run bnn with a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
        ClassesInMemory classes = new ClassesInMemory(standard);
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((path, text) -> units.add(new Source(path, text)));
        List<String> options = List.of("-Xlint:all", "-classpath", runtimeClasspath(), "--release", "17");
        boolean ok = compiler.getTask(null, classes, diagnostics, options, null, units).call();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String text = (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                    + d.getMessage(Locale.ROOT);
            (d.getKind() == Diagnostic.Kind.ERROR ? errors : warnings).add(text);
        }
        if (!ok) {
            throw new CompilationException("generated Java does not compile:\n" + String.join("\n", errors));
        }
        return new Result(classes.loader(getClass().getClassLoader()), List.copyOf(warnings));
    }

    /**
     * Where the classes generated code uses are, org.bnn.runtime's, org.bnn.report's and
     * org.bnn.train's: jars (one when all are in the shaded CLI jar) or classes folders.
     */
    private static String runtimeClasspath() {
        return Stream.of(MappingSpec.class, ExperimentReport.class, Trainer.class).map(InMemoryJavaCompiler::location).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String path, String text) {
            super(URI.create("string:///" + path.replace(File.separatorChar, '/')), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class ClassFile extends SimpleJavaFileObject {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ClassFile(String className) {
            super(URI.create("bytes:///" + className.replace('.', '/') + ".class"), Kind.CLASS);
        }

        @Override
        public OutputStream openOutputStream() {
            return bytes;
        }
    }

    private static final class ClassesInMemory extends ForwardingJavaFileManager<JavaFileManager> {
        private final Map<String, ClassFile> classes = new HashMap<>();

        ClassesInMemory(JavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            ClassFile file = new ClassFile(className);
            classes.put(className, file);
            return file;
        }

        ClassLoader loader(ClassLoader parent) {
            Map<String, byte[]> bytes = new HashMap<>();
            classes.forEach((name, file) -> bytes.put(name, file.bytes.toByteArray()));
            return new ClassLoader(parent) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    byte[] code = bytes.get(name);
                    if (code == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, code, 0, code.length);
                }
            };
        }
    }
}
