// Monaco, bundled from npm (never a CDN), with review markers, their fixes as quick fixes, and
// Ctrl/Cmd+Enter to submit from anywhere on the page.
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

export function CodeEditor({
  document = "",
  documentVersion = 0,
  language = "python",
  theme = "vs",
  markers = [],
  revealLine = 0,
  revealVersion = 0,
  readOnly = false,
  height = "60vh",
  ariaLabel = "Code editor",
  onChange,
  onSubmit,
  onApplyFix,
}) {
  const [editor, setEditor] = useState(null);
  const appliedVersion = useRef(documentVersion);
  const handlers = useRef({ onChange, onSubmit, onApplyFix });
  handlers.current = { onChange, onSubmit, onApplyFix };
  const fixable = useRef([]);
  const timer = useRef(null);

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

  useEffect(() => {
    if (!editor) return;
    const model = editor.getModel();
    monaco.editor.setModelMarkers(model, "review_app", markers.map((f) => toMarker(model, f)));
    fixable.current = markers.filter((f) => f.fix >= 0);
  }, [editor, markers, documentVersion]);

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
    const submitFromAnywhere = (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && !editor.hasTextFocus()) {
        event.preventDefault();
        handlers.current.onSubmit?.(editor.getValue());
      }
    };
    // window.document: `document` here is the text prop.
    window.document.addEventListener("keydown", submitFromAnywhere);
    return () => window.document.removeEventListener("keydown", submitFromAnywhere);
  }, [editor, readOnly]);

  useEffect(() => {
    if (!editor || !revealLine) return;
    editor.revealLineInCenter(revealLine);
    editor.setPosition({ lineNumber: revealLine, column: 1 });
    editor.focus();
  }, [editor, revealLine, revealVersion]);

  const handleMount = (instance) => {
    window.reviewAppEditor = instance;
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () =>
      handlers.current.onSubmit?.(instance.getValue()),
    );
    setEditor(instance);
  };

  const handleChange = (value) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => handlers.current.onChange?.(value ?? ""), CHANGE_DEBOUNCE_MS);
  };

  return (
    <Editor
      height={height}
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
