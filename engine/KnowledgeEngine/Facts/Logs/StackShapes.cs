namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// Lines that continue a record in every format: stack frames and the lines around them (a Java exception
/// and its "Caused by:", a Go panic and its goroutine dump, a Python traceback). The detector leaves them
/// out of its count, so one header above 80 frames still names the file's format.
/// </summary>
internal static class StackShapes
{
    public static bool Continues(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            return false;
        }

        if (line[0] is ' ' or '\t')
        {
            return true;
        }

        return line.StartsWith("Caused by: ") || line.StartsWith("Suppressed: ") || line.StartsWith("Traceback (most recent call last)")
               || line.StartsWith("goroutine ") || line.StartsWith("panic: ") || line.StartsWith("fatal error: ")
               || line.StartsWith("[signal ") || line.StartsWith("created by ") || line.StartsWith("exit status ")
               || IsExceptionLine(line) || IsGoFrame(line);
    }

    /// <summary>"java.lang.IllegalStateException: ...", "requests.exceptions.ConnectionError: ...", "KeyError: 'x'".</summary>
    private static bool IsExceptionLine(ReadOnlySpan<char> line)
    {
        var end = line.IndexOfAny(':', ' ');
        var name = end < 0 ? line : line[..end];
        if (end >= 0 && line[end] != ':')
        {
            return false;
        }

        if (name.Length < 5 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '$'))
            {
                return false;
            }
        }
        var simple = name[(name.LastIndexOf('.') + 1)..];
        return simple.EndsWith("Exception") || simple.EndsWith("Error") || simple.EndsWith("Throwable") || simple.EndsWith("Warning");
    }

    /// <summary>A Go frame's function line: "main.main()", "k8s.io/apimachinery/pkg/util/wait.JitterUntil(0xc000, ...)".</summary>
    private static bool IsGoFrame(ReadOnlySpan<char> line)
    {
        var open = line.IndexOf('(');
        return open > 2 && line[^1] == ')' && !line[..open].Contains(' ') && line[..open].Contains('.');
    }
}
