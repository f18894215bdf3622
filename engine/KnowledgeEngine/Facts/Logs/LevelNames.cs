namespace KnowledgeEngine.Facts.Logs;

/// <summary>Maps every level spelling the formats use onto trace/debug/info/warning/error/fatal.</summary>
internal static class LevelNames
{
    public static string? Normalise(string? raw) => raw is null ? null : Normalise(raw.AsSpan());

    public static string? Normalise(ReadOnlySpan<char> raw)
    {
        raw = raw.Trim();
        if (raw.IsEmpty)
        {
            return null;
        }

        if (raw.Length == 1)
        {
            return char.ToUpperInvariant(raw[0]) switch
            {
                'T' => "trace",
                'D' => "debug",
                'I' => "info",
                'W' => "warning",
                'E' => "error",
                'F' or 'C' or 'P' => "fatal",
                _ => null,
            };
        }
        Span<char> lower = stackalloc char[Math.Min(raw.Length, 16)];
        raw[..lower.Length].ToLowerInvariant(lower);
        return lower switch
        {
            "trace" or "verbose" or "finest" or "finer" => "trace",
            "debug" or "dbug" or "fine" or "debu" => "debug",
            "info" or "information" or "notice" or "informational" => "info",
            "warn" or "warning" => "warning",
            "err" or "error" or "eror" or "severe" => "error",
            "fatal" or "crit" or "critical" or "panic" or "dpanic" or "alert" or "emerg" or "emergency" or "fata" => "fatal",
            _ => null,
        };
    }

    /// <summary>Syslog and journald severities 0..7.</summary>
    public static string? FromSyslogSeverity(int severity) => severity switch
    {
        0 or 1 or 2 => "fatal",
        3 => "error",
        4 => "warning",
        5 or 6 => "info",
        7 => "debug",
        _ => null,
    };
}
