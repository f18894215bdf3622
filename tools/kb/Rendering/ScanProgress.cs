using System.Diagnostics;
using KnowledgeEngine.Facts;
using Spectre.Console;

namespace KnowledgeEngine.Cli.Rendering;

/// <summary>
/// A status line on stderr while a bundle is scanned: which file, how far through the
/// inventory, how many facts. Only for a person watching a terminal — never when stderr or the
/// report's destination is redirected, nor for JSON (read by scripts, whose stderr is often a log).
/// </summary>
internal static class ScanProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static bool Wanted(string format, bool toFile) =>
        format != "json" && !Console.IsErrorRedirected && (toFile || !Console.IsOutputRedirected);

    /// <summary>Runs <paramref name="scan"/> (which reports each fact to the callback it is given)
    /// under a status display.</summary>
    public static T Run<T>(Func<Action<Fact>, T> scan)
    {
        var console = TerminalConsole.Stderr();
        return console.Status().Start("Opening the bundle…", status =>
        {
            var clock = Stopwatch.StartNew();
            var (files, facts, file, current) = (0, 0L, 0, "");
            return scan(fact =>
            {
                facts++;
                if (fact is FileFact)
                {
                    files++;
                }
                else if (fact.Source != current)
                {
                    current = fact.Source; // content facts come file by file, in inventory order
                    file++;
                }

                if (clock.Elapsed >= Interval)
                {
                    clock.Restart();
                    status.Status(Markup.Escape($"Scanning file {Math.Min(file, files)} of {files} ({TerminalText.Escape(Path.GetFileName(current), keepLineBreaks: false)}), {facts:N0} facts"));
                }
            });
        });
    }
}
