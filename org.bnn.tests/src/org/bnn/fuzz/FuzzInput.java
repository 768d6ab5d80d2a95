package org.bnn.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One file to put through the pipeline.
 *
 * @param path   where it goes, relative to the repository (in the private copy of the examples)
 * @param bytes  its content, as written to disk (byte mutations may leave invalid UTF-8)
 * @param origin how it was made, for reports: the seed and the mutations, or "generated"
 */
public record FuzzInput(String path, byte[] bytes, String origin) {

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String text = text();
        return origin + " -> " + path + " (" + bytes.length + " bytes): "
                + (text.length() <= 400 ? text : text.substring(0, 400) + "...");
    }
}
