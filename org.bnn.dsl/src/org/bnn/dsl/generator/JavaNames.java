package org.bnn.dsl.generator;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.lang.model.SourceVersion;

/**
 * Turns names from a model into safe Java identifiers and literals, so that no input can break
 * or inject into generated code.
 */
public final class JavaNames {
    /**
     * The longest name (of a declaration, layer, regime, or a whole package): a name becomes a
     * class and a file name with a suffix ({@code Simulation.java}), and a file name has at most
     * 255 bytes; names are ASCII.
     */
    public static final int MAX_NAME_LENGTH = 200;

    /**
     * The longest quoted text (a path, a stack description): it becomes a Java string constant,
     * which holds at most 65,535 bytes (up to 3 per character), and a path has at most 4,096 bytes.
     */
    public static final int MAX_TEXT_LENGTH = 4096;

    /** Packages of the JDK's own modules: javac refuses to compile a class into one of them. */
    private static final Set<String> JDK_PACKAGES = ModuleLayer.boot().modules().stream()
            .filter(module -> module.getDescriptor() != null && module.getName().matches("(java|jdk)\\..*"))
            .flatMap(module -> module.getPackages().stream()).collect(Collectors.toUnmodifiableSet());

    private JavaNames() {
    }

    /**
     * Why generated classes cannot live in the Java package of {@code qualifiedName}, or empty
     * when they can: the JVM refuses to define classes in {@code java.*}, {@code javax.*} belongs
     * to the JDK, and javac refuses a package that a JDK module already holds.
     */
    public static Optional<String> reservedPackage(String qualifiedName) {
        String packageName = packageName(qualifiedName);
        String first = packageName.split("\\.", -1)[0];
        if (first.equals("java") || first.equals("javax")) {
            return Optional.of("the packages " + first + ".* are reserved for the JDK");
        }
        if (JDK_PACKAGES.contains(packageName)) {
            return Optional.of("the JDK already has a package " + packageName);
        }
        return Optional.empty();
    }

    /** A Java identifier for {@code name}: invalid characters become '_', keywords get a '_' suffix. */
    public static String identifier(String name) {
        if (name == null || name.isEmpty()) {
            return "_";
        }
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = i == 0 ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c);
            id.append(ok ? c : '_');
        }
        String result = id.toString();
        return SourceVersion.isKeyword(result) || RESTRICTED.contains(result) ? result + "_" : result;
    }

    /** A Java package name for a dotted model package; {@code null} or empty gives the default package. */
    public static String packageName(String qualifiedName) {
        if (qualifiedName == null || qualifiedName.isBlank()) {
            return "";
        }
        return Arrays.stream(qualifiedName.split("\\.")).map(JavaNames::identifier).collect(Collectors.joining("."));
    }

    /** A Java string literal (with quotes) holding exactly {@code value}. */
    public static String stringLiteral(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    /** Text safe inside a Java comment: no comment terminator, no line break, no unicode escape. */
    public static String commentText(String value) {
        return value.replace("*/", "* /").replace("\\u", "\\ u").replaceAll("[\\r\\n]", " ");
    }

    // Contextual keywords that cannot name a type.
    private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits", "_");
}
