package org.bnn.dsl.ui.imports;

import java.util.List;

import org.bnn.onnx.workspace.ImportOptions;
import org.bnn.onnx.workspace.ModelImport;
import org.bnn.onnx.workspace.ModelImportException;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ContainerSelectionDialog;

/**
 * The options of `bnn import` (docs/import.md): network name (from the file name), output folder
 * (the model's), chip (the presets' chips, the CLI's default first), input bits, data set, overwrite.
 */
final class ImportModelPage extends WizardPage {
    private final IFile model;
    private final ModelImport modelImport = WorkspaceModelImport.create();
    private Text name;
    private Text folder;
    private Combo chip;
    private Spinner inputBits;
    private Text dataset;
    private Button overwrite;

    ImportModelPage(IFile model) {
        super("importModel");
        this.model = model;
        setTitle(ImportModelWizard.TITLE);
        setDescription("Writes NAME.bnn (network, mapping, experiment) and NAME.npz (weights) from " + model.getName() + ".");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
        name = text(page, "Network &name:", ModelImport.defaultName(model.getLocation().toFile().toPath()), 2);
        folder = text(page, "Output &folder:", model.getParent().getFullPath().toString(), 1);
        Button browse = new Button(page, SWT.PUSH);
        browse.setText("B&rowse...");
        browse.addListener(SWT.Selection, e -> browseFolder());
        label(page, "&Chip:");
        chip = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(chip);
        label(page, "&Input bits:");
        inputBits = new Spinner(page, SWT.BORDER);
        inputBits.setValues(ImportOptions.DEFAULT_INPUT_BITS, 1, 16, 0, 1, 4);
        GridDataFactory.swtDefaults().span(2, 1).applyTo(inputBits);
        dataset = text(page, "&Data set:", "", 2);
        dataset.setMessage("e.g. fashion-mnist(\"../data/fashion-mnist\") test; empty: a commented experiment");
        overwrite = new Button(page, SWT.CHECK);
        overwrite.setText("&Overwrite NAME.bnn and NAME.npz if they exist");
        GridDataFactory.swtDefaults().span(3, 1).applyTo(overwrite);
        name.addModifyListener(e -> validate());
        folder.addModifyListener(e -> {
            listChips();
            validate();
        });
        listChips();
        validate();
        setControl(page);
    }

    /** The folder the files go to (valid once the page is complete). */
    IContainer folder() {
        return (IContainer) ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromOSString(folder.getText().trim()));
    }

    ImportOptions options() {
        String data = dataset.getText().trim();
        return new ImportOptions(name.getText().trim(), chip.getText().isEmpty() ? null : chip.getText(), inputBits.getSelection(),
                data.isEmpty() ? null : data, overwrite.getSelection());
    }

    private void listChips() {
        IContainer target = existingFolder();
        List<String> chips;
        try {
            chips = target == null ? List.of() : modelImport.availableChips(target.getLocation().toFile().toPath());
        } catch (ModelImportException e) {
            chips = List.of();
        }
        chip.setItems(chips.toArray(String[]::new));
        if (!chips.isEmpty()) {
            chip.select(0);
        }
    }

    private void validate() {
        String problem = null;
        if (!ModelImport.isNetworkName(name.getText().trim())) {
            problem = "The network name must be letters, digits and _, not starting with a digit.";
        } else if (existingFolder() == null) {
            problem = "The output folder must be a folder or project of the workspace.";
        }
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }

    private IContainer existingFolder() {
        IResource found = ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromOSString(folder.getText().trim()));
        return found instanceof IContainer container && found.getType() != IResource.ROOT && found.getLocation() != null
                ? container
                : null;
    }

    private void browseFolder() {
        ContainerSelectionDialog dialog = new ContainerSelectionDialog(getShell(), existingFolder(), false, "The folder of NAME.bnn:");
        if (dialog.open() == Window.OK && dialog.getResult().length > 0) {
            folder.setText(dialog.getResult()[0].toString());
        }
    }

    private static Text text(Composite page, String label, String value, int span) {
        label(page, label);
        Text text = new Text(page, SWT.BORDER);
        text.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(text);
        return text;
    }

    private static void label(Composite page, String text) {
        new Label(page, SWT.NONE).setText(text);
    }
}
