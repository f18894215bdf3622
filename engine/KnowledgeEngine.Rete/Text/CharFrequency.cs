namespace KnowledgeEngine.Rete.Text;

/// <summary>
/// A rough share of each character in log text, used only to pick which part of a literal the prefilter keys on:
/// a window of rare characters ("x509", "OOMK") is tested less often than one of common ones ("tion", " the").
/// The figures need only be ordered right; results never depend on them.
/// </summary>
internal static class CharFrequency
{
    // Lower-case letters in descending English frequency; each step is a little rarer.
    private const string Letters = "etaoinsrhldcumfpgwybvkxjqz";

    /// <summary>How likely <paramref name="window"/> is at a given position of log text.</summary>
    public static double Of(ReadOnlySpan<char> window)
    {
        var p = 1.0;
        foreach (var c in window)
        {
            p *= Of(c);
        }
        // Letters inside words come in common combinations ("tion", "conn") that a product of single
        // characters underrates; a window that stays inside a word counts as ten times likelier.
        return window.ContainsAnyExceptInRange('a', 'z') ? p : p * 10;
    }

    public static double Of(char c) => c switch
    {
        ' ' => 0.15,
        >= 'a' and <= 'z' => 0.12 * Math.Pow(0.9, Letters.IndexOf(c)),
        // Timestamps, pids, addresses: digits are common in logs.
        >= '0' and <= '9' => 0.03,
        ':' or '.' or '-' or '/' or '_' or '=' or '"' or '[' or ']' or ',' => 0.015,
        >= 'A' and <= 'Z' => 0.004,
        _ => 0.002,
    };
}
