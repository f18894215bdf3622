using System.Globalization;
using System.Text;

namespace KnowledgeEngine.Tests.Hostile;

/// <summary>
/// One file of tests/hostile/*.case: how to build a hostile input in a fresh folder, the kb command
/// to run on it, and what kb must answer. Lines are <c>key: value</c>; <c>#</c> starts a comment;
/// values may hold \xNN, \n, \t and \\ escapes, and {tmp} (the case's folder) or {inputs}
/// (tests/hostile/inputs).
/// <list type="bullet">
/// <item><c>setup:</c> copy SRC DST | write DST TEXT | truncate DST BYTES | flip DST OFFSET | fifo DST | feed-fifo DST SRC</item>
/// <item><c>run:</c> the kb arguments, split at spaces</item>
/// <item><c>stdin:</c> a line piped into kb's standard input (repeatable, each ends with a newline, as
/// <c>printf '%s\n'</c> writes it); such a case runs the built kb as a child process</item>
/// <item><c>exit:</c> the exit code</item>
/// <item><c>stderr:</c> / <c>stdout:</c> a line the stream must hold exactly (repeatable)</item>
/// <item><c>has:</c> / <c>lacks:</c> text that stdout+stderr must / must not contain</item>
/// <item><c>unchanged:</c> DST SRC — the file DST still holds the bytes of input SRC afterwards</item>
/// </list>
/// </summary>
internal sealed record HostileCase(string Name, string Why, List<string[]> Setup, string[] Args, int Exit,
    List<string> StderrLines, List<string> StdoutLines, List<string> Has, List<string> Lacks, List<string[]> Unchanged, string? Stdin)
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "hostile");

    public static string Inputs => Path.Combine(Folder, "inputs");

    public static HostileCase Read(string name, string tmp)
    {
        var (why, setup, args, exit) = ("", new List<string[]>(), Array.Empty<string>(), -1);
        var (stderr, stdout, has, lacks, unchanged) = (new List<string>(), new List<string>(), new List<string>(), new List<string>(), new List<string[]>());
        StringBuilder? stdin = null;
        foreach (var raw in File.ReadLines(Path.Combine(Folder, name + ".case")))
        {
            if (raw.StartsWith("# why: ", StringComparison.Ordinal))
            {
                why = raw[7..];
            }

            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var colon = raw.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"{name}.case: '{raw}' is not 'key: value'");
            }

            var value = Unescape(raw[(colon + 2)..].Replace("{tmp}", tmp).Replace("{inputs}", Inputs));
            switch (raw[..colon])
            {
                case "setup": setup.Add(value.Split(' ', 3)); break;
                case "run": args = value.Split(' ', StringSplitOptions.RemoveEmptyEntries); break;
                case "exit": exit = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "stderr": stderr.Add(value); break;
                case "stdout": stdout.Add(value); break;
                case "has": has.Add(value); break;
                case "lacks": lacks.Add(value); break;
                case "unchanged": unchanged.Add(value.Split(' ', 2)); break;
                case "stdin": (stdin ??= new StringBuilder()).Append(value).Append('\n'); break;
                default: throw new FormatException($"{name}.case: unknown key '{raw[..colon]}'");
            }
        }

        if (why.Length == 0 || args.Length == 0 || exit < 0 || stderr.Count + stdout.Count + has.Count == 0)
        {
            throw new FormatException($"{name}.case needs '# why:', 'run:', 'exit:' and at least one expected line");
        }

        return new HostileCase(name, why, setup, args, exit, stderr, stdout, has, lacks, unchanged, stdin?.ToString());
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case '\\': builder.Append('\\'); break;
                case 'x':
                    builder.Append((char)int.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default: builder.Append('\\').Append(next); break;
            }
        }

        return builder.ToString();
    }
}
