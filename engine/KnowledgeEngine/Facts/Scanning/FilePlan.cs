namespace KnowledgeEngine.Facts;

/// <summary>
/// The part of a <see cref="ScanPlan"/> that applies to one file: the patterns whose rules' <c>source</c>
/// globs can match the file's path, with their own prefilter. A Talos boot-log regex without a literal
/// then costs a Cloudpods host log nothing, where one global plan sent every record of every file through
/// it (2.3 µs a line). Pattern indices stay those of the whole plan, so counts and ids line up.
/// </summary>
internal sealed class FilePlan
{
    internal FilePlan(ScanPlan plan, int[] patterns)
    {
        Plan = plan;
        PatternCount = patterns.Length;
        var byLiteral = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unfiltered = new List<int>();
        var gated = new List<(int Pattern, int Gate)>();
        foreach (var i in patterns)
        {
            var pattern = plan.Patterns[i];
            var literals = pattern.IsRegex ? pattern.Prefilter : [pattern.Text];
            if (literals.Count == 0 && pattern.After is { } after)
            {
                // Without its gate in this file's plan, the pattern can never open here.
                if (plan.IndexOf(after) is var gate && patterns.Contains(gate))
                {
                    gated.Add((i, gate));
                }

                continue;
            }

            if (literals.Count == 0)
            {
                unfiltered.Add(i);
            }

            foreach (var literal in literals)
            {
                if (!byLiteral.TryGetValue(literal, out var owners))
                {
                    byLiteral[literal] = owners = [];
                }

                owners.Add(i);
            }
        }
        UnfilteredRegexes = unfiltered.ToArray();
        GatedRegexes = gated.ToArray();
        Literals = byLiteral.Keys.ToArray();
        LiteralOwners = byLiteral.Values.Select(o => o.ToArray()).ToArray();
        Prefilter = Literals.Length > 0 ? new Scanning.Prefilter(Literals) : null;
    }

    public ScanPlan Plan { get; }

    /// <summary>How many patterns apply to the file.</summary>
    public int PatternCount { get; }

    /// <summary>Some regex for this file has no literal to prefilter on, so every record must be tried.</summary>
    public bool NeedsEveryRecord => UnfilteredRegexes.Length > 0;

    /// <summary>The regexes without a literal, tried on every record.</summary>
    public int[] UnfilteredRegexes { get; }

    /// <summary>The regexes without a literal that a gate opens (<see cref="ScanPattern.After"/>), each with its
    /// gate's index: tried on every record once the gate matched, on none before.</summary>
    public (int Pattern, int Gate)[] GatedRegexes { get; }

    public string[] Literals { get; }

    /// <summary>For each literal, the patterns it serves (several rules may share one literal).</summary>
    public int[][] LiteralOwners { get; }

    /// <summary>Finds the literals; its literal indices are those of <see cref="Literals"/>.</summary>
    public Scanning.Prefilter? Prefilter { get; }
}
