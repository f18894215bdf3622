namespace KnowledgeEngine.Facts;

/// <summary>Collects the patterns of the loaded rules; <see cref="Build"/> validates and freezes them.</summary>
public sealed class ScanPlanBuilder
{
    private readonly List<ScanPattern> _patterns = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private bool _keepAll;

    /// <summary>A case-sensitive literal, matched anywhere in a record.</summary>
    public ScanPlanBuilder AddLiteral(string id, string literal)
    {
        ArgumentException.ThrowIfNullOrEmpty(literal);
        Claim(id);
        _patterns.Add(new ScanPattern(id, literal, IsRegex: false, [literal]));
        return this;
    }

    /// <summary>
    /// A regex; <paramref name="prefilter"/> lists literals one of which every match contains. When none is given,
    /// a required literal is taken from the pattern itself if it has one; otherwise every record is tried.
    /// </summary>
    public ScanPlanBuilder AddRegex(string id, string pattern, params string[] prefilter)
    {
        try
        {
            _ = LazyRegex.Get(pattern);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"pattern '{id}': '{pattern}' is not a valid regular expression: {ex.Message}", nameof(pattern), ex);
        }
        Claim(id);
        IReadOnlyList<string> literals = prefilter.Length > 0
            ? prefilter
            : RequiredLiteral.From(pattern) is { } required ? [required] : [];
        _patterns.Add(new ScanPattern(id, pattern, IsRegex: true, literals));
        return this;
    }

    /// <summary>Keep every record as a fact, still counting the patterns.</summary>
    public ScanPlanBuilder KeepAllRecords()
    {
        _keepAll = true;
        return this;
    }

    public ScanPlan Build() => new(_patterns.ToArray(), _keepAll);

    private void Claim(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!_ids.Add(id))
            throw new ArgumentException($"pattern id '{id}' is used twice; each pattern needs its own id.", nameof(id));
    }
}
