package org.bnn.cli.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a file named on the command line must be before the language loads it: an existing,
 * readable, regular file whose name ends in {@code .bnn} and whose bytes are UTF-8 text. Each
 * violation is one sentence naming the file, so that a typo on the command line never reaches
 * EMF (which would fail with a null resource) or is silently decoded with replacement
 * characters (which {@code bnn format} would then write back, losing the original bytes).
 */
final class SourceFile {
    /** The extension of the language's files; EMF picks the language by it, case-sensitively. */
    static final String EXTENSION = ".bnn";

    private SourceFile() {
    }

    /** @throws WorkspaceException naming the file and what is wrong with it */
    static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw new WorkspaceException(file + ": is a folder; name the .bnn file to use");
        }
        if (!Files.exists(file)) {
            throw new WorkspaceException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException(file + ": not a regular file (a device, a pipe or a socket); name a .bnn file");
        }
        String name = String.valueOf(file.getFileName());
        if (!name.endsWith(EXTENSION)) {
            throw new WorkspaceException(file + ": not a .bnn file" + (name.toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION)
                    ? " (the extension is .bnn in lower case; rename the file)"
                    : " (the language's files end in .bnn)"));
        }
        if (!Files.isReadable(file)) {
            throw new WorkspaceException(file + ": cannot be read (permission denied)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new WorkspaceException(file + ": cannot be read: " + e.getMessage());
        }
        int bad = firstMalformedByte(bytes);
        if (bad >= 0) {
            throw new WorkspaceException(file + ":" + lineOf(bytes, bad) + ": not UTF-8 text (byte " + bad
                    + "); .bnn files are UTF-8: convert the file, e.g. with iconv -t UTF-8");
        }
    }

    /** The offset of the first byte that is not part of valid UTF-8, or -1. */
    static int firstMalformedByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        return -1;
    }

    /** The 1-based line of a byte offset; any line ending (LF, CRLF, CR) counts once. */
    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }
}
