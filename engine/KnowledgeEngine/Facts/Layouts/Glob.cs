using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeEngine.Facts.Layouts;

/// <summary>Path globs over bundle paths: '*' within a folder, '**' across folders, '?' one character, {a,b} alternatives.</summary>
internal static class Glob
{
    // A glob is tested against the source of every fact: keeping the last answer runs the regex once per
    // file, not per line, and for the same reason the regex is interpreted (compiling it costs more at
    // start-up than it would save).
    private static readonly ConcurrentDictionary<string, LastPathAnswer<bool>> Cache = new(StringComparer.Ordinal);

    /// <summary>Whether a rule's <c>source</c> (or <c>file</c>, <c>path</c>) glob accepts the file. Standard input
    /// or a pipe the user did not name with <c>--stdin-as</c> (stdin.log, pipe.yaml) may hold text from any file, so
    /// every such glob accepts it: a pasted host-service line then reaches the rule that reads **/host*.log.</summary>
    public static bool AcceptsSource(string glob, string path) => IsUnplaced(path) || IsMatch(glob, path);

    /// <summary>An input known only as standard input or a pipe: "stdin" or "pipe" with the extension its content gave.</summary>
    public static bool IsUnplaced(string path) =>
        !path.Contains('/') && Path.GetFileNameWithoutExtension(path) is "stdin" or "pipe";

    public static bool IsMatch(string glob, string path) =>
        Cache.GetOrAdd(glob, static g => new LastPathAnswer<bool>(Compile(g).IsMatch)).Of(path);

    private static Regex Compile(string glob)
    {
        var pattern = new StringBuilder("^");
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                    pattern.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                    break;
                case '*':
                    pattern.Append("[^/]*");
                    break;
                case '?':
                    pattern.Append("[^/]");
                    break;
                case '{':
                    braces++;
                    pattern.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    pattern.Append(')');
                    break;
                case ',' when braces > 0:
                    pattern.Append('|');
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        pattern.Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }
}
