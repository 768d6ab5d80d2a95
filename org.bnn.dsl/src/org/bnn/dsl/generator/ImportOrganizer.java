package org.bnn.dsl.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Organizes the imports of a generated class: drops those it does not use and sorts the others into
 * groups (java, javax, then the rest), as Eclipse's Organize Imports would. The templates share
 * import blocks (specs, runtime), and a class uses what its description needs (no device, no ECC, no
 * placement, …): without this, Eclipse would mark generated files with unused-import warnings.
 */
public final class ImportOrganizer {
    private ImportOrganizer() {
    }

    /** The code with its used single-type imports only, sorted and grouped after the package line. */
    public static String organize(String code) {
        String[] lines = code.split("\n", -1);
        int body = 0;
        while (body < lines.length && (lines[body].isBlank() || lines[body].startsWith("package ") || lines[body].startsWith("import "))) {
            body++;
        }
        StringBuilder rest = new StringBuilder();
        for (int i = body; i < lines.length; i++) {
            rest.append(lines[i]).append('\n');
        }
        String packageLine = null;
        TreeSet<String> java = new TreeSet<>();
        TreeSet<String> others = new TreeSet<>();
        List<String> unchanged = new ArrayList<>(); // static and on-demand imports, kept as written
        for (int i = 0; i < body; i++) {
            String line = lines[i];
            if (line.startsWith("package ")) {
                packageLine = line;
            } else if (line.startsWith("import ")) {
                if (!isSingleTypeImport(line)) {
                    unchanged.add(line);
                } else if (usesName(rest, simpleName(line))) {
                    (line.startsWith("import java.") || line.startsWith("import javax.") ? java : others).add(line);
                }
            }
        }
        List<String> header = new ArrayList<>();
        if (packageLine != null) {
            header.add(packageLine);
            header.add("");
        }
        for (List<String> group : List.of(unchanged, new ArrayList<>(java), new ArrayList<>(others))) {
            if (!group.isEmpty()) {
                header.addAll(group);
                header.add("");
            }
        }
        String start = header.isEmpty() ? "" : String.join("\n", header) + "\n";
        return start + rest.substring(0, Math.max(0, rest.length() - 1));
    }

    private static boolean isSingleTypeImport(String line) {
        return line.startsWith("import ") && !line.startsWith("import static ") && line.endsWith(";") && !line.endsWith(".*;");
    }

    private static String simpleName(String importLine) {
        return importLine.substring(importLine.lastIndexOf('.') + 1, importLine.length() - 1);
    }

    private static boolean usesName(CharSequence code, String name) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\b").matcher(code).find();
    }
}
