namespace KnowledgeEngine.Facts.Scanning;

/// <summary>Finds which patterns of a plan a record matches. Runs only on records the prefilter let through.</summary>
internal sealed class PatternMatcher(ScanPlan plan)
{
    private readonly bool[] _literalSeen = new bool[plan.Literals.Length];
    private readonly bool[] _patternHit = new bool[plan.Patterns.Count];

    /// <summary>Ids of the matched patterns, or an empty list; increments <paramref name="counts"/> once per pattern and record.</summary>
    public IReadOnlyList<string> Match(ReadOnlySpan<char> record, long[] counts)
    {
        Array.Clear(_literalSeen);
        Array.Clear(_patternHit);
        plan.Prefilter?.MarkAll(record, _literalSeen);
        List<string>? matched = null;
        for (var literal = 0; literal < _literalSeen.Length; literal++)
        {
            if (!_literalSeen[literal])
                continue;
            foreach (var pattern in plan.LiteralOwners[literal])
                _patternHit[pattern] = true;
        }
        for (var pattern = 0; pattern < _patternHit.Length; pattern++)
        {
            var regex = plan.RegexOf(pattern);
            var hit = regex is null
                ? _patternHit[pattern]
                : (_patternHit[pattern] || plan.Patterns[pattern].Prefilter.Count == 0) && regex.IsMatch(record);
            if (!hit)
                continue;
            counts[pattern]++;
            (matched ??= []).Add(plan.Patterns[pattern].Id);
        }
        return matched is null ? [] : matched;
    }
}
