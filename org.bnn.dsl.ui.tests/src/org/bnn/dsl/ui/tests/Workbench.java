package org.bnn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.ParseException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;

/**
 * Drives the workbench as a user does: a key sequence goes through the binding service (the
 * binding active in the focused editor's contexts, as the key dispatcher looks it up) to the
 * handler service (the handler active for it); a main-menu entry is found in the rendered menu
 * bar and selected.
 */
final class Workbench {

    private Workbench() {
    }

    /** Presses {@code keys} (e.g. "Ctrl+Shift+F"): the command bound to it in the active contexts runs. */
    static void press(String keys) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IBindingService bindings = window.getService(IBindingService.class);
        Binding binding;
        try {
            binding = bindings.getPerfectMatch(KeySequence.getInstance(keys));
        } catch (ParseException e) {
            throw new AssertionError(keys, e);
        }
        assertNotNull(binding, keys + " is bound in the active contexts");
        try {
            window.getService(IHandlerService.class).executeCommand(binding.getParameterizedCommand(), null);
        } catch (CommandException e) {
            throw new AssertionError(keys + " ran " + binding.getParameterizedCommand().getId(), e);
        }
    }

    /** Selects the main-menu entry {@code path} (labels without mnemonics, e.g. "Source", "Format"). */
    static void selectMenu(String... path) {
        Menu menu = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar();
        MenuItem item = null;
        for (String label : path) {
            if (item != null) {
                menu = item.getMenu();
                assertNotNull(menu, item.getText() + " is a menu");
            }
            // Menus are filled when shown.
            menu.notifyListeners(SWT.Show, new Event());
            Menu current = menu;
            item = Arrays.stream(current.getItems()).filter(i -> label.equals(plain(i.getText()))).findFirst()
                    .orElseThrow(() -> new AssertionError("no '" + label + "' in "
                            + Arrays.stream(current.getItems()).map(i -> plain(i.getText())).toList()));
        }
        assertTrue(item.isEnabled(), String.join(" > ", path) + " is enabled");
        item.notifyListeners(SWT.Selection, new Event());
    }

    /** Clicks the button labelled {@code label} below {@code parent}. */
    static void click(Composite parent, String label) {
        Button button = find(parent, Button.class).stream().filter(b -> label.equals(plain(b.getText()))).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "'"));
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** The controls of type {@code type} below {@code parent}, depth first. */
    static <T extends Control> List<T> find(Composite parent, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control child : parent.getChildren()) {
            Optional.of(child).filter(type::isInstance).map(type::cast).ifPresent(found::add);
            if (child instanceof Composite composite) {
                found.addAll(find(composite, type));
            }
        }
        return found;
    }

    /** A label without its mnemonic and accelerator ("&Format\tCtrl+Shift+F" is "Format"). */
    static String plain(String label) {
        int tab = label.indexOf('\t');
        return (tab < 0 ? label : label.substring(0, tab)).replace("&", "");
    }
}
