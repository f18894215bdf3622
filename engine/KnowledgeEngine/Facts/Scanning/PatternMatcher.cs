namespace KnowledgeEngine.Facts.Scanning;

/// <summary>
/// Finds which patterns of a plan a record matches. Runs only on records the prefilter let through, so its cost
/// follows the literals found in the record, not the size of the plan (a plan of 500 rules is common and
/// every record may match).
/// </summary>
/// <param name="file">The file's part of the plan.</param>
/// <param name="twin">The matcher of a second thread on the same file: it matches with each regex's
/// <see cref="LazyRegex.Twin"/>.</param>
internal sealed class PatternMatcher(FilePlan file, bool twin = false)
{
    private readonly List<int> _literals = [];
    private readonly List<int> _candidates = [];
    private readonly List<int> _scratch = [];
    private readonly ScanPlan _plan = file.Plan;
    private readonly bool[] _open = new bool[file.GatedRegexes.Length];

    /// <summary>Some gated regex of the file is open: every later record of the file must be tried.</summary>
    public bool AnyGateOpen { get; private set; }

    /// <summary>Ids of the matched patterns in plan order, or an empty list; increments <paramref name="counts"/>
    /// once per pattern and record.</summary>
    public IReadOnlyList<string> Match(ReadOnlySpan<char> record, long[] counts)
    {
        _literals.Clear();
        _candidates.Clear();
        file.Prefilter?.FindAll(record, _literals, _scratch);
        foreach (var literal in _literals)
        {
            _candidates.AddRange(file.LiteralOwners[literal]);
        }

        _candidates.AddRange(file.UnfilteredRegexes);
        for (var i = 0; i < _open.Length; i++)
        {
            if (_open[i])
            {
                _candidates.Add(file.GatedRegexes[i].Pattern);
            }
        }
        if (_candidates.Count == 0)
        {
            return [];
        }

        _candidates.Sort();

        List<string>? matched = null;
        var previous = -1;
        foreach (var pattern in _candidates)
        {
            if (pattern == previous)
            {
                continue;
            }

            previous = pattern;
            // A literal pattern holds once its literal was found; a regex still has to match the record, and cannot
            // when a literal every match holds is missing from it.
            if (_plan.RegexOf(pattern) is { } regex && (!HoldsAll(record, _plan.Patterns[pattern].AlsoRequired) || !(twin ? regex.Twin : regex).IsMatch(record)))
            {
                continue;
            }

            counts[pattern]++;
            (matched ??= []).Add(_plan.Patterns[pattern].Id);
            Open(pattern);
        }
        return matched is null ? [] : matched;
    }

    private static bool HoldsAll(ReadOnlySpan<char> record, IReadOnlyList<string> literals)
    {
        for (var i = 0; i < literals.Count; i++)
        {
            if (!record.Contains(literals[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Opens every gated regex <paramref name="other"/> (a matcher of the same file) has opened.</summary>
    public void OpenAs(PatternMatcher other)
    {
        for (var i = 0; i < _open.Length; i++)
        {
            _open[i] |= other._open[i];
        }
        AnyGateOpen |= other.AnyGateOpen;
    }

    /// <summary>Closes every gated regex again: the matcher starts a region of its own.</summary>
    public void CloseAll()
    {
        Array.Clear(_open);
        AnyGateOpen = false;
    }

    /// <summary>Opens the gated regexes whose gate is <paramref name="pattern"/>, for the records after this one.</summary>
    private void Open(int pattern)
    {
        for (var i = 0; i < _open.Length; i++)
        {
            if (!_open[i] && file.GatedRegexes[i].Gate == pattern)
            {
                _open[i] = true;
                AnyGateOpen = true;
            }
        }
    }
}
