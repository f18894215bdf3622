namespace KnowledgeEngine.Facts;

/// <summary>Collects the patterns of the loaded rules; <see cref="Build"/> validates and freezes them.</summary>
public sealed class ScanPlanBuilder
{
    private readonly List<ScanPattern> _patterns = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private bool _keepAll;
    private bool _keepRepeats;
    private bool _scanValues;
    private readonly HashSet<string> _platforms = new(StringComparer.Ordinal);

    /// <summary>The regexes come from loaded rules, whose loading checked that they parse (the validator, or kb's build
    /// for the built-in rules): they are parsed when the scan first tries them, not here.</summary>
    internal bool PatternsChecked { get; init; }

    /// <summary>A case-sensitive literal, matched anywhere in a record. <paramref name="counted"/>: a count
    /// condition reads it, so its records are kept one by one instead of collapsed (see <see cref="ScanPattern"/>).</summary>
    public ScanPlanBuilder AddLiteral(string id, string literal, bool counted = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(literal);
        Claim(id);
        _patterns.Add(new ScanPattern(id, literal, IsRegex: false, [literal], counted));
        return this;
    }

    /// <summary>
    /// A regex; <paramref name="prefilter"/> lists literals one of which every match contains. When none is given,
    /// a required literal is taken from the pattern itself if it has one; otherwise every record is tried.
    /// </summary>
    public ScanPlanBuilder AddRegex(string id, string pattern, params string[] prefilter) => AddRegex(id, pattern, false, prefilter);

    /// <summary>A regex as above; <paramref name="counted"/> as in <see cref="AddLiteral"/>.</summary>
    public ScanPlanBuilder AddRegex(string id, string pattern, bool counted, params string[] prefilter)
    {
        if (!PatternsChecked)
        {
            try
            {
                _ = LazyRegex.Get(pattern);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"pattern '{id}': '{pattern}' is not a valid regular expression: {ex.Message}", nameof(pattern), ex);
            }
        }

        Claim(id);
        IReadOnlyList<string> literals = prefilter.Length > 0
            ? prefilter
            : RegexLiterals.From(pattern);
        _patterns.Add(new ScanPattern(id, pattern, IsRegex: true, literals, counted) { AlsoRequired = RegexLiterals.AlsoRequired(pattern) });
        return this;
    }

    /// <summary>Looks for the pattern added last only in files whose bundle path matches one of
    /// <paramref name="globs"/> (the rules' <c>source</c> globs); without a call, in every log file.</summary>
    public ScanPlanBuilder InFiles(params string[] globs)
    {
        if (_patterns.Count == 0)
        {
            throw new InvalidOperationException("InFiles scopes the pattern added last; add one first.");
        }

        if (globs.Length > 0)
        {
            _patterns[^1] = _patterns[^1] with { Sources = globs.Distinct(StringComparer.Ordinal).ToArray() };
        }

        return this;
    }

    /// <summary>Looks for the pattern added last in every log file of a bundle of one of <paramref name="platforms"/>, or
    /// of a bundle of no platform the plan knows (a loose log, a sosreport), besides the files <see cref="InFiles"/> names;
    /// without a call (and without <see cref="InFiles"/>), in every log file of every bundle. The platforms become known
    /// to the plan (<see cref="KnowPlatforms"/>).</summary>
    public ScanPlanBuilder OnPlatforms(params string[] platforms)
    {
        if (_patterns.Count == 0)
        {
            throw new InvalidOperationException("OnPlatforms scopes the pattern added last; add one first.");
        }

        if (platforms.Length > 0)
        {
            _patterns[^1] = _patterns[^1] with { Platforms = platforms.Distinct(StringComparer.Ordinal).ToArray() };
            KnowPlatforms(platforms);
        }

        return this;
    }

    /// <summary>Platforms the plan knows: a bundle of one of them reads only the platform-scoped patterns of its own
    /// platform (<see cref="OnPlatforms"/>); a bundle of any other platform, or of none, reads them all. The rule
    /// compiler passes the platforms of every loaded rule.</summary>
    public ScanPlanBuilder KnowPlatforms(IEnumerable<string> platforms)
    {
        _platforms.UnionWith(platforms);
        return this;
    }

    /// <summary>Also matches the pattern added last against the text values of resources and configs, for a rule's
    /// <c>anywhere: true</c> condition; implies <see cref="ScanValues"/>.</summary>
    public ScanPlanBuilder InValues()
    {
        if (_patterns.Count == 0)
        {
            throw new InvalidOperationException("InValues marks the pattern added last; add one first.");
        }

        _patterns[^1] = _patterns[^1] with { InValues = true };
        _scanValues = true;
        return this;
    }

    /// <summary>Tries the pattern added last only on the records of a file after the first one that matched the
    /// pattern <paramref name="gateId"/> (added before or after it); for a condition that reads only records
    /// after its partner's (<c>source == x.source and line &gt; x.line</c>).</summary>
    public ScanPlanBuilder After(string gateId)
    {
        if (_patterns.Count == 0)
        {
            throw new InvalidOperationException("After gates the pattern added last; add one first.");
        }

        ArgumentException.ThrowIfNullOrEmpty(gateId);
        if (gateId == _patterns[^1].Id)
        {
            throw new ArgumentException($"pattern '{gateId}' cannot open itself.", nameof(gateId));
        }

        _patterns[^1] = _patterns[^1] with { After = gateId };
        return this;
    }

    /// <summary>Keep every record as a fact, still counting the patterns.</summary>
    public ScanPlanBuilder KeepAllRecords()
    {
        _keepAll = true;
        return this;
    }

    /// <summary>Keep repeated records one by one: for showing a file as it is (<c>kb facts --json</c>), or when a
    /// count condition may read any record.</summary>
    public ScanPlanBuilder KeepRepeats()
    {
        _keepRepeats = true;
        return this;
    }

    /// <summary>Also match the text values of resources and configs (see <see cref="ScanPlan.ScansValues"/>): with the
    /// patterns marked <see cref="InValues"/>, or with every pattern when none is marked.</summary>
    public ScanPlanBuilder ScanValues()
    {
        _scanValues = true;
        return this;
    }

    public ScanPlan Build()
    {
        if (_patterns.FirstOrDefault(p => p.After is { } gate && !_ids.Contains(gate)) is { } orphan)
        {
            throw new InvalidOperationException($"pattern '{orphan.Id}' is opened by '{orphan.After}', which was never added.");
        }

        return new(_patterns.ToArray(), _keepAll, collapseRepeats: !_keepRepeats, _scanValues) { Platforms = _platforms.ToHashSet(StringComparer.Ordinal) };
    }

    private void Claim(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!_ids.Add(id))
        {
            throw new ArgumentException($"pattern id '{id}' is used twice; each pattern needs its own id.", nameof(id));
        }
    }
}
