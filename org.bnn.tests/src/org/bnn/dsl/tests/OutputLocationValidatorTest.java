package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.files.OutputRoots;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.experiment.OutputLocation;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Report folders and weights files must lie inside the description's project (the nearest folder
 * with a lib/ folder, else the file's folder) or an allowed output root: descriptions are real
 * files under a temporary folder, so paths resolve as in the CLI and the IDE.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class OutputLocationValidatorTest {

    private static final String DESIGN = """
            tile T { cells 32 rows x 32 columns 2T2R }
            chip C { tiles 100 of T }
            network N {
                input x: 28 x 28
                dense fc1: 32
                output out: dense 10
            }
            mapping M { network N on C }
            experiment E {
                run M on random 4 inputs
                sweep ber { 0 }
                seed 1
                report "REPORT" csv
            }
            training W {
                network N on mnist("data") train
                seed 1
                save "SAVE"
            }
            """;

    @TempDir
    Path dir;

    @Inject
    private Provider<XtextResourceSet> resourceSets;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private OutputRoots outputRoots;

    /** The issues of this validator for a description at {@code file} with the given report folder and weights file. */
    private List<Issue> outputIssues(Path file, String report, String save) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, DESIGN.replace("REPORT", report).replace("SAVE", save));
        XtextResourceSet resources = resourceSets.get();
        Model model = (Model) resources.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true).getContents().get(0);
        return validation.validate(model).stream()
                .filter(i -> BnnIssueCodes.OUTPUT_OUTSIDE_PROJECT.equals(i.getCode())
                        || BnnIssueCodes.OUTPUT_NOT_A_PATH.equals(i.getCode()))
                .toList();
    }

    private List<Issue> outputIssues(String report, String save) throws IOException {
        return outputIssues(dir.resolve("project/model.bnn"), report, save);
    }

    @Test
    void foldersInsideTheFilesFolderPass() throws IOException {
        assertEquals(List.of(), outputIssues("reports/sweep", "weights/w.npz"));
        assertEquals(List.of(), outputIssues("reports/../other/./sweep", "w.npz"));
    }

    @Test
    void aFolderThatClimbsOutIsAnErrorNamingTheFolderAndTheProject() throws IOException {
        List<Issue> issues = outputIssues("../../escaped", "w.npz");
        assertEquals(1, issues.size(), issues.toString());
        Issue issue = issues.get(0);
        assertEquals(Severity.ERROR, issue.getSeverity());
        assertEquals(BnnIssueCodes.OUTPUT_OUTSIDE_PROJECT, issue.getCode());
        Path project = dir.resolve("project").toRealPath();
        Path escaped = dir.getParent().toRealPath().resolve("escaped");
        assertTrue(issue.getMessage().startsWith("report folder " + escaped + " lies outside the project " + project), issue.getMessage());
        assertEquals(List.of(escaped.toString(), project.toString()), List.of(issue.getData()));
        assertEquals(13, issue.getLineNumber());
    }

    @Test
    void aWeightsFileOutsideIsAnErrorToo() throws IOException {
        List<Issue> issues = outputIssues("reports", "../w.npz");
        assertEquals(1, issues.size(), issues.toString());
        assertTrue(issues.get(0).getMessage().startsWith("weights file " + dir.toRealPath().resolve("w.npz") + " lies outside"),
                issues.get(0).getMessage());
    }

    @Test
    void aTextThatIsNoPathIsAnErrorSayingSo() throws IOException {
        List<Issue> issues = outputIssues("reports\u0000x", "w.npz");
        assertEquals(List.of(BnnIssueCodes.OUTPUT_NOT_A_PATH), issues.stream().map(Issue::getCode).toList(), issues.toString());
        assertTrue(issues.get(0).getMessage().startsWith("report folder \"reports\u0000x\" is not a path on this system: "),
                issues.get(0).getMessage());
    }

    @Test
    void absolutePathsCountWhereTheyLead() throws IOException {
        Path inside = dir.resolve("project/reports/abs").toAbsolutePath();
        Path outside = dir.resolve("elsewhere/abs").toAbsolutePath();
        assertEquals(List.of(), outputIssues(inside.toString(), "w.npz"));
        assertEquals(1, outputIssues(outside.toString(), "w.npz").size());
    }

    @Test
    void theProjectIsTheNearestFolderWithALibrary() throws IOException {
        Path model = dir.resolve("examples/study/model.bnn");
        assertEquals(1, outputIssues(model, "../reports", "w.npz").size(), "without lib/ the project is the file's own folder");
        Files.createDirectories(dir.resolve("examples/lib"));
        assertEquals(1, outputIssues(model, "../reports", "w.npz").size(), "a lib/ without .bnn files is not a preset library");
        Files.writeString(dir.resolve("examples/lib/presets.bnn"), "package presets\n");
        assertEquals(List.of(), outputIssues(model, "../reports", "w.npz"));
        assertEquals(1, outputIssues(model, "../../reports", "w.npz").size());
        assertEquals(dir.resolve("examples").toRealPath(), OutputLocation.projectRoot(model.getParent()));
    }

    @Test
    void aLinkInsideThatLeadsOutIsFollowed() throws IOException {
        Path target = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(dir.resolve("project"));
        Files.createSymbolicLink(dir.resolve("project/link"), target);
        List<Issue> issues = outputIssues("link/reports", "w.npz");
        assertEquals(1, issues.size(), issues.toString());
        assertTrue(issues.get(0).getMessage().contains(target.toRealPath().resolve("reports").toString()), issues.get(0).getMessage());
    }

    @Test
    void anAllowedRootLetsAFolderOutside() throws IOException {
        Path allowed = Files.createDirectories(dir.resolve("sibling"));
        assertEquals(1, outputIssues("../sibling/reports", "w.npz").size());
        outputRoots.allow(allowed);
        assertEquals(List.of(), outputIssues("../sibling/reports", "w.npz"));
    }

    @Test
    void theCommandLinesPropertyAllowsARootToo() throws IOException {
        Path allowed = Files.createDirectories(dir.resolve("cli-root"));
        System.setProperty(OutputLocation.ROOTS_PROPERTY, allowed.toString());
        try {
            assertEquals(List.of(), outputIssues("../cli-root/r", "../cli-root/w.npz"));
        } finally {
            System.clearProperty(OutputLocation.ROOTS_PROPERTY);
        }
        assertEquals(2, outputIssues("../cli-root/r", "../cli-root/w.npz").size());
    }
}
