using System.Text;

namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>
/// The key=value rendering of structured fields after a message, as klog's structured calls write it
/// (<c>"Reconciler error" node="worker-3" attempt=2</c>) and as text encoders put them after an unquoted
/// message (<c>node lost node=worker-3</c>). The pairs become fields named and valued as the JSON
/// rendering of the same call would give them, and the message is what precedes them (unquoted), so a rule
/// reading <c>fields.node</c> or <c>message</c> sees either rendering alike.
/// </summary>
internal static class KeyValueTail
{
    /// <summary>Moves trailing pairs into the header's fields and leaves the message without them.</summary>
    public static ReadOnlySpan<char> Apply(ReadOnlySpan<char> message, RecordHeader header)
    {
        if (message.Length > 1 && message[0] == '"')
        {
            var close = QuotedEnd(message, 0);
            if (close == message.Length)
            {
                return Unquote(message).AsSpan();
            }

            if (close > 0 && (close == message.Length || message[close] == ' ') && TryPairs(message[close..], null))
            {
                TryPairs(message[close..], header);
                return Unquote(message[..close]).AsSpan();
            }
            return message;
        }
        if (!message.Contains('='))
        {
            return message;
        }

        for (var space = message.IndexOf(' '); space > 0; space = NextSpace(message, space))
        {
            var tail = message[space..];
            if (StartsWithKey(tail.TrimStart(' ')) && TryPairs(tail, null))
            {
                TryPairs(tail, header);
                return message[..space].TrimEnd(' ');
            }
        }
        return message;
    }

    private static int NextSpace(ReadOnlySpan<char> message, int from)
    {
        var next = message[(from + 1)..].IndexOf(' ');
        return next < 0 ? -1 : from + 1 + next;
    }

    private static bool StartsWithKey(ReadOnlySpan<char> s)
    {
        var eq = s.IndexOf('=');
        return eq > 0 && IsKey(s[..eq]);
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-' or '/'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>One or more " key=value" to the end; writes them when <paramref name="header"/> is given.</summary>
    private static bool TryPairs(ReadOnlySpan<char> s, RecordHeader? header)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }

            if (i == s.Length)
            {
                return count > 0;
            }

            if (i == start && count > 0)
            {
                return false;
            }

            var eq = s[i..].IndexOf('=');
            if (eq <= 0 || !IsKey(s.Slice(i, eq)))
            {
                return false;
            }

            var key = s.Slice(i, eq);
            i += eq + 1;
            ReadOnlySpan<char> raw;
            string? value = null;
            if (i < s.Length && s[i] == '"')
            {
                var close = QuotedEnd(s, i);
                if (close < 0)
                {
                    return false;
                }

                raw = s[i..close];
                i = close;
                if (header is not null)
                {
                    value = Unquote(raw);
                }
            }
            else
            {
                var end = ValueEnd(s, i);
                if (end < 0)
                {
                    return false;
                }

                raw = s[i..end];
                i = end;
            }
            count++;
            header?.SetField(key.ToString(), value ?? raw.ToString());
        }
    }

    /// <summary>An unquoted value runs to the next space; a {...} or [...] value (a struct, a slice) to its closing bracket.</summary>
    private static int ValueEnd(ReadOnlySpan<char> s, int from)
    {
        var depth = 0;
        for (var i = from; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']' && --depth < 0)
            {
                return -1;
            }
            else if (c == ' ' && depth == 0)
            {
                return i;
            }
            else if (c == '"' && depth == 0)
            {
                return -1;
            }
        }
        return depth == 0 ? s.Length : -1;
    }

    /// <summary>The index after the closing quote of the string opening at <paramref name="open"/>; -1 when it does not close.</summary>
    private static int QuotedEnd(ReadOnlySpan<char> s, int open)
    {
        for (var i = open + 1; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '"')
            {
                return i + 1;
            }
        }
        return -1;
    }

    /// <summary>A Go-quoted string (strconv.Quote) without its quotes: \" \\ \n \t \r unescaped.</summary>
    private static string Unquote(ReadOnlySpan<char> quoted)
    {
        var inner = quoted[1..^1];
        if (!inner.Contains('\\'))
        {
            return inner.ToString();
        }

        var text = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != '\\' || i + 1 == inner.Length)
            {
                text.Append(inner[i]);
                continue;
            }
            text.Append(inner[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var c => c });
        }
        return text.ToString();
    }
}
