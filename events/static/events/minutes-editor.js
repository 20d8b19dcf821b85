/* The minutes editor: every textarea[data-minutes-editor] becomes a rich-text editor (Tiptap /
   ProseMirror from the django-prose-editor package, served from its static files).
   CSP: a static module (no inline script, no import map: the bundle is imported by its path),
   Tiptap's <style> injection is off (its CSS is in minutes-editor.css). The textarea stays in
   the form and always holds the editor's HTML; the server cleans it (nh3) before saving. */
import {
  Blockquote, Bold, BulletList, Document, Dropcursor, Editor, Gapcursor, HardBreak, Heading,
  History, HorizontalRule, Italic, Link, ListItem, Menu, OrderedList, Paragraph, Strike, Table,
  TableCell, TableHeader, TableRow, Text, Underline,
} from "../django_prose_editor/editor.js";

function emptyToBlank(html) {
  return /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
}

function createMinutesEditor(textarea) {
  if (textarea.closest(".prose-editor")) { return null; }
  const element = document.createElement("div");
  element.className = "prose-editor";
  textarea.before(element);
  element.append(textarea);
  const editor = new Editor({
    element,
    injectCSS: false,
    content: textarea.value,
    extensions: [
      Document, Paragraph, Text, HardBreak, Dropcursor, Gapcursor, History, Menu,
      Bold, Italic, Underline, Strike, Heading.configure({ levels: [2, 3, 4] }),
      BulletList, OrderedList, ListItem, Blockquote, HorizontalRule,
      Link.configure({ openOnClick: false }),
      Table, TableRow, TableHeader, TableCell,
    ],
    onUpdate({ editor: current }) {
      textarea.value = emptyToBlank(current.getHTML());
    },
  });
  element.dataset.editorReady = "1";
  return editor;
}

document.querySelectorAll("textarea[data-minutes-editor]").forEach(createMinutesEditor);
