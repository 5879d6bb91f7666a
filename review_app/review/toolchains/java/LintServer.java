import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs javac's lint on request in one long-lived JVM, so a review does not pay javac's startup.
 *
 * <p>Protocol, UTF-8 lines on stdin and stdout. At start: {@code ready} or {@code error<TAB>why}.
 * A request is a count N, then N source paths. The answer is one line per diagnostic,
 * {@code FILE<TAB>KIND<TAB>LINE<TAB>COLUMN<TAB>CODE<TAB>MESSAGE} (FILE the index of the path,
 * COLUMN in characters, MESSAGE with backslash, tab and newline escaped), then {@code done}; or
 * {@code error<TAB>why}. javac goes on to flow analysis despite errors (unresolved imports), so
 * fall-through and finally warnings survive, and stops there: no class file is written.
 */
public final class LintServer {
    private static final List<String> OPTIONS = List.of(
            "-Xlint:all", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
            "-Xmaxerrs", "100000", "-Xmaxwarns", "100000",
            "-XDshould-stop.ifError=FLOW", "-XDshould-stop.ifNoError=FLOW");

    private LintServer() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            out.println("error\tthis Java has no compiler: install a JDK (javac)");
            out.flush();
            return;
        }
        out.println("ready");
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String count;
        while ((count = in.readLine()) != null) {
            List<Path> paths = new ArrayList<>();
            for (int remaining = Integer.parseInt(count.trim()); remaining > 0; remaining--) {
                paths.add(Path.of(in.readLine()));
            }
            try {
                lint(compiler, paths, out);
                out.println("done");
            } catch (RuntimeException | IOException | StackOverflowError error) {
                out.println("error\t" + escape(error.toString()));
            }
            out.flush();
        }
    }

    private static void lint(JavaCompiler compiler, List<Path> paths, PrintStream out) throws IOException {
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, Locale.ROOT, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(paths);
            compiler.getTask(null, files, collector, OPTIONS, null, units).call();
            Map<JavaFileObject, Integer> indexOf = new HashMap<>();
            Map<JavaFileObject, CharSequence> texts = new HashMap<>();
            int index = 0;
            for (JavaFileObject unit : units) {
                indexOf.put(unit, index++);
                texts.put(unit, unit.getCharContent(true));
            }
            for (Diagnostic<? extends JavaFileObject> diagnostic : collector.getDiagnostics()) {
                JavaFileObject source = diagnostic.getSource();
                Integer file = source == null ? null : indexOf.get(source);
                long column = file == null ? 0 : column(texts.get(source), diagnostic.getPosition());
                out.println((file == null ? -1 : file) + "\t" + diagnostic.getKind() + "\t"
                        + Math.max(diagnostic.getLineNumber(), 0) + "\t" + column + "\t"
                        + diagnostic.getCode() + "\t" + escape(diagnostic.getMessage(Locale.ROOT)));
            }
        }
    }

    /** The 1-based column in characters (code points, tabs as one), or 0 when unknown. */
    private static long column(CharSequence text, long position) {
        if (position == Diagnostic.NOPOS) {
            return 0;
        }
        int end = (int) Math.min(position, text.length());
        int start = end;
        while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
            start--;
        }
        return Character.codePointCount(text, start, end) + 1;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "").replace("\n", "\\n");
    }
}
