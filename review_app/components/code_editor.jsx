// Monaco, bundled from npm (never a CDN), with review markers, their fixes as quick fixes, and
// Ctrl/Cmd+Enter to submit from anywhere on the page. With a `path`, each file has a model of its
// own (its text, undo and markers), as a workspace's tabs need; Ctrl/Cmd+S saves and Ctrl/Cmd+P
// opens a file by name where the page asks for them.
import { useEffect, useRef, useState } from "react";
import Editor, { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/language/typescript/ts.worker?worker";

self.MonacoEnvironment = {
  getWorker(_id, label) {
    return label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker();
  },
};
loader.config({ monaco });
window.reviewAppMonaco = monaco;

const SEVERITY = {
  critical: monaco.MarkerSeverity.Error,
  high: monaco.MarkerSeverity.Error,
  medium: monaco.MarkerSeverity.Warning,
  low: monaco.MarkerSeverity.Info,
  info: monaco.MarkerSeverity.Hint,
};
const CHANGE_DEBOUNCE_MS = 300;

// A marker underlines the rest of the finding's first line only: a finding about a whole
// function (complexity, length) would otherwise underline every line of it.
function markerLine(model, finding) {
  return Math.min(Math.max(finding.line || 1, 1), model.getLineCount());
}

function toMarker(model, finding) {
  const line = markerLine(model, finding);
  return {
    startLineNumber: line,
    startColumn: finding.column || 1,
    endLineNumber: line,
    endColumn: model.getLineMaxColumn(line),
    severity: SEVERITY[finding.severity] ?? monaco.MarkerSeverity.Info,
    message: finding.message,
    source: finding.source,
  };
}

// The page's keys, from anywhere on it: Ctrl/Cmd + key -> the handler it calls.
const PAGE_KEYS = { Enter: "onSubmit", s: "onSave", p: "onQuickOpen" };

export function CodeEditor({
  document = "",
  documentVersion = 0,
  path = undefined,
  language = "python",
  theme = "vs",
  markers = [],
  markersFor = undefined,
  revealLine = 0,
  revealVersion = 0,
  readOnly = false,
  height = "60vh",
  ariaLabel = "Code editor",
  onChange,
  onEdit,
  onSubmit,
  onSave,
  onQuickOpen,
  onApplyFix,
}) {
  const [editor, setEditor] = useState(null);
  const appliedVersion = useRef(documentVersion);
  const handlers = useRef({ onChange, onEdit, onSubmit, onSave, onQuickOpen, onApplyFix });
  handlers.current = { onChange, onEdit, onSubmit, onSave, onQuickOpen, onApplyFix };
  const fixable = useRef([]);
  // Edits not yet reported, by file: a tab switch or a click elsewhere reports them at once.
  const pending = useRef(new Map());
  const modelPaths = useRef(new WeakMap());

  const report = (editedPath) => {
    const edit = pending.current.get(editedPath);
    if (!edit) return;
    clearTimeout(edit.timer);
    pending.current.delete(editedPath);
    handlers.current.onChange?.(edit.text);
    handlers.current.onEdit?.(editedPath, edit.text);
  };
  const reportAll = () => [...pending.current.keys()].forEach(report);

  useEffect(() => {
    if (editor) modelPaths.current.set(editor.getModel(), path ?? "");
  }, [editor, path]);

  useEffect(() => {
    if (!editor || appliedVersion.current === documentVersion) return;
    appliedVersion.current = documentVersion;
    const model = editor.getModel();
    if (model.getValue() === document) return;
    // An edit of the model, not of the editor: a read-only editor refuses executeEdits.
    model.pushStackElement();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: document }], () => null);
    model.pushStackElement();
  }, [editor, document, documentVersion]);

  // The markers belong to the file `markersFor` names (when given): another file keeps its own.
  useEffect(() => {
    if (!editor || (markersFor !== undefined && markersFor !== path)) return;
    const model = editor.getModel();
    monaco.editor.setModelMarkers(model, "review_app", markers.map((f) => toMarker(model, f)));
    fixable.current = markers.filter((f) => f.fix >= 0);
  }, [editor, markers, markersFor, path, documentVersion]);

  // A finding's fix is offered where Monaco offers fixes: the light bulb, Ctrl/Cmd+., the hover.
  const offersFixes = Boolean(onApplyFix);
  useEffect(() => {
    if (!editor || !offersFixes) return undefined;
    const command = editor.addCommand(0, (_accessor, index) => handlers.current.onApplyFix?.(index));
    const provider = monaco.languages.registerCodeActionProvider("*", {
      provideCodeActions(model, _range, context) {
        if (model !== editor.getModel()) return { actions: [], dispose() {} };
        const actions = context.markers.flatMap((marker) =>
          fixable.current
            .filter((f) => markerLine(model, f) === marker.startLineNumber)
            .filter((f) => f.message === marker.message)
            .map((f) => ({
              title: `Apply fix: ${f.fix_title}`,
              kind: "quickfix",
              diagnostics: [marker],
              isPreferred: true,
              command: { id: command, title: "Apply fix", arguments: [f.fix] },
            })),
        );
        return { actions, dispose() {} };
      },
    });
    return () => provider.dispose();
  }, [editor, offersFixes]);

  useEffect(() => {
    if (!editor || readOnly) return undefined;
    const keyFromAnywhere = (event) => {
      const handler = handlers.current[PAGE_KEYS[event.key]];
      if ((event.ctrlKey || event.metaKey) && handler && !editor.hasTextFocus()) {
        event.preventDefault();
        reportAll();
        handler(editor.getValue());
      }
    };
    // window.document: `document` here is the text prop.
    window.document.addEventListener("keydown", keyFromAnywhere);
    return () => window.document.removeEventListener("keydown", keyFromAnywhere);
  }, [editor, readOnly]);

  useEffect(() => {
    if (!editor || !revealLine) return;
    editor.revealLineInCenter(revealLine);
    editor.setPosition({ lineNumber: revealLine, column: 1 });
    editor.getDomNode()?.scrollIntoView({ block: "nearest" }); // a list below the editor
    editor.focus();
  }, [editor, revealLine, revealVersion]);

  const handleMount = (instance) => {
    window.reviewAppEditor = instance;
    const keys = [
      [monaco.KeyCode.Enter, "onSubmit"],
      [monaco.KeyCode.KeyS, "onSave"],
      [monaco.KeyCode.KeyP, "onQuickOpen"],
    ];
    for (const [key, name] of keys) {
      if (!handlers.current[name]) continue; // the browser's own Ctrl/Cmd+S and +P stay
      instance.addCommand(monaco.KeyMod.CtrlCmd | key, () => {
        reportAll();
        handlers.current[name]?.(instance.getValue());
      });
    }
    instance.onDidBlurEditorText(reportAll);
    setEditor(instance);
  };

  const handleChange = (value) => {
    const model = editor?.getModel();
    const editedPath = (model && modelPaths.current.get(model)) ?? path ?? "";
    clearTimeout(pending.current.get(editedPath)?.timer);
    const timer = setTimeout(() => report(editedPath), CHANGE_DEBOUNCE_MS);
    pending.current.set(editedPath, { text: value ?? "", timer });
  };

  return (
    <Editor
      height={height}
      path={path}
      language={language}
      theme={theme}
      defaultValue={document}
      onMount={handleMount}
      onChange={handleChange}
      options={{
        readOnly,
        renderValidationDecorations: "on", // Monaco's default hides markers when read-only
        ariaLabel,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 14,
      }}
    />
  );
}
