package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bnn.dsl.generator.ImportOrganizer;
import org.junit.jupiter.api.Test;

class ImportOrganizerTest {

    @Test
    void keepsWhatTheClassUsesSortedAndGrouped() {
        String code = """
                package p;

                import org.b.Used;
                import java.util.List;
                import org.a.Unused;
                import java.util.Map;
                import static org.c.Util.helper;

                import org.d.InJavadoc;
                import org.e.Qualified;

                /** See {@link InJavadoc}. */
                class C {
                    List<Used> values = java.util.List.of();
                    Object other = org.e.Qualified.VALUE;
                    Object mapped = Map.of();
                    int usedName = helper();
                }
                """;
        assertEquals("""
                package p;

                import static org.c.Util.helper;

                import java.util.List;
                import java.util.Map;

                import org.b.Used;
                import org.d.InJavadoc;

                /** See {@link InJavadoc}. */
                class C {
                    List<Used> values = java.util.List.of();
                    Object other = org.e.Qualified.VALUE;
                    Object mapped = Map.of();
                    int usedName = helper();
                }
                """, ImportOrganizer.organize(code));
    }

    @Test
    void aClassInTheDefaultPackageWithoutImportsIsUnchanged() {
        String code = "/** Doc. */\nclass C {\n}\n";
        assertEquals(code, ImportOrganizer.organize(code));
    }
}
