using KnowledgeEngine.Rete.Text;

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
        foreach (var i in patterns)
        {
            var pattern = plan.Patterns[i];
            var literals = pattern.IsRegex ? pattern.Prefilter : [pattern.Text];
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
        Literals = byLiteral.Keys.ToArray();
        LiteralOwners = byLiteral.Values.Select(o => o.ToArray()).ToArray();
        Prefilter = Literals.Length > 0 ? new LiteralSearcher(Literals) : null;
    }

    public ScanPlan Plan { get; }

    /// <summary>How many patterns apply to the file.</summary>
    public int PatternCount { get; }

    /// <summary>Some regex for this file has no literal to prefilter on, so every record must be tried.</summary>
    public bool NeedsEveryRecord => UnfilteredRegexes.Length > 0;

    /// <summary>The regexes without a literal, tried on every record.</summary>
    public int[] UnfilteredRegexes { get; }

    public string[] Literals { get; }

    /// <summary>For each literal, the patterns it serves (several rules may share one literal).</summary>
    public int[][] LiteralOwners { get; }

    /// <summary>Finds the literals; its literal indices are those of <see cref="Literals"/>.</summary>
    public LiteralSearcher? Prefilter { get; }
}
