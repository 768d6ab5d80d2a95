package org.bnn.dsl.validation;

import java.util.Locale;

import org.bnn.dsl.bnn.Element;

/**
 * How a diagnostic names a declaration: "network N", or "this network" when a syntax error left
 * the declaration without a name (a message never says "network null").
 */
final class MessageNames {
    private MessageNames() {
    }

    /** "network N", or "this network" without a name. */
    static String of(String kind, String name) {
        return name == null || name.isEmpty() ? "this " + kind : kind + " " + name;
    }

    /** The same at the start of a sentence: "Network N", or "This network". */
    static String capitalizedOf(String kind, String name) {
        String named = of(kind, name);
        return Character.toUpperCase(named.charAt(0)) + named.substring(1);
    }

    /** "Network N", "Chip C", ...: the declaration's keyword and name at the start of a sentence. */
    static String capitalizedOf(Element element) {
        return capitalizedOf(kind(element), element.getName());
    }

    /** The keyword that declares {@code element}: network, chip, tile, device, mapping, ... */
    static String kind(Element element) {
        return element.eClass().getName().toLowerCase(Locale.ROOT);
    }
}
