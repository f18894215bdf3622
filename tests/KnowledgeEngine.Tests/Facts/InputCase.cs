using System.Text;

namespace KnowledgeEngine.Tests.Facts;

/// <summary>
/// One fixture of the input corpus (Inputs/*.case): a header of expectations, then the inputs, each
/// after a "=== name" line ("=== -" is standard input, "=== -:logs/host.log" standard input named so, as
/// kb's --stdin-as does; "=== name (utf-16le)" writes the text in that encoding). Header lines:
/// <list type="bullet">
/// <item><c># fact: KIND path=value path~=part ...</c>: some fact of that kind whose kb facts --json form
/// has these values (<c>~=</c>: contains); paths are dotted (<c>object.status</c>).</item>
/// <item><c># no-fact: KIND path=value ...</c>: no such fact.</item>
/// <item><c># count: KIND=N</c>: exactly N facts of that kind.</item>
/// <item><c># warning: text</c>: some warning contains the text; <c># warnings: N</c>: exactly N warnings.</item>
/// <item><c># error: text</c>: the bundle is refused with a message containing the text.</item>
/// </list>
/// Other "#" lines describe the case.
/// </summary>
internal sealed record InputCase(
    IReadOnlyList<(string Name, byte[] Content)> Inputs,
    IReadOnlyList<(string Directive, string Argument)> Expectations)
{
    private static readonly string[] Directives = ["fact", "no-fact", "count", "warning", "warnings", "error"];

    public static InputCase Parse(string text)
    {
        var expectations = new List<(string, string)>();
        var inputs = new List<(string, byte[])>();
        var lines = text.Split('\n');
        var i = 0;
        for (; i < lines.Length && !lines[i].StartsWith("=== ", StringComparison.Ordinal); i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 2 && Directives.Contains(line[2..colon]))
            {
                expectations.Add((line[2..colon], line[(colon + 2)..]));
            }
        }
        while (i < lines.Length)
        {
            var head = lines[i][4..].Trim();
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("=== ", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            var encoding = Encoding.UTF8;
            if (head.EndsWith(" (utf-16le)", StringComparison.Ordinal))
            {
                head = head[..^" (utf-16le)".Length];
                encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
            }
            var content = string.Join('\n', body);
            byte[] preamble = encoding is UTF8Encoding ? [] : encoding.GetPreamble();
            inputs.Add((head, [.. preamble, .. encoding.GetBytes(content)]));
        }
        return new InputCase(inputs, expectations);
    }

    /// <summary>"kind a=b c~=\"d e\"" → kind and its conditions (quotes group a value with spaces).</summary>
    public static (string Kind, List<(string Path, bool Contains, string Value)> Conditions) Pattern(string argument)
    {
        var tokens = Tokens(argument);
        var conditions = new List<(string, bool, string)>();
        foreach (var token in tokens.Skip(1))
        {
            var eq = token.IndexOf('=');
            var contains = eq > 0 && token[eq - 1] == '~';
            var path = token[..(contains ? eq - 1 : eq)];
            conditions.Add((path, contains, token[(eq + 1)..]));
        }
        return (tokens[0], conditions);
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                }

                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
