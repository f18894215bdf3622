using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Compilation;

namespace KnowledgeEngine.Rules.Running;

/// <summary>Each evidence, against or check rule's matches grouped by the facts of the match they
/// extend, so that describing a match looks its items up instead of walking every item match (with
/// every line of a bundle firing, that walk was quadratic).</summary>
internal sealed class ItemIndex
{
    private ItemIndex(List<(ItemRule Item, Dictionary<MatchPrefix, List<Match>> ByPrefix)> items) => Items = items;

    public List<(ItemRule Item, Dictionary<MatchPrefix, List<Match>> ByPrefix)> Items { get; }

    public static ItemIndex Build(IReadOnlyList<ItemRule> items, ISession session, int prefixLength)
    {
        var indexed = new List<(ItemRule, Dictionary<MatchPrefix, List<Match>>)>(items.Count);
        foreach (var item in items)
        {
            var byPrefix = new Dictionary<MatchPrefix, List<Match>>();
            foreach (var activation in session.Activations(item.Definition.Name))
            {
                var key = new MatchPrefix(activation.Match, prefixLength);
                if (!byPrefix.TryGetValue(key, out var matches))
                {
                    byPrefix[key] = matches = [];
                }

                matches.Add(activation.Match);
            }

            indexed.Add((item, byPrefix));
        }

        return new ItemIndex(indexed);
    }

    /// <summary>Each item's result for the match; the item matches found are added to <paramref name="sources"/>.</summary>
    public List<ItemResult> Results(MatchPrefix key, List<Match> sources)
    {
        var results = new List<ItemResult>(Items.Count);
        foreach (var (item, byPrefix) in Items)
        {
            if (!byPrefix.TryGetValue(key, out var found))
            {
                results.Add(new ItemResult(item.Item, false, []));
                continue;
            }

            var facts = new List<MatchedFact>();
            foreach (var itemMatch in found)
            {
                facts.AddRange(MatchDescriber.Facts(itemMatch, item.Declaration));
                sources.Add(itemMatch);
            }

            results.Add(new ItemResult(item.Item, true, facts));
        }

        return results;
    }
}

/// <summary>Turns one match of a rule (confirmed or suspected) into a <see cref="FiredRule"/>: its
/// facts, the values its templates read from the match and the item matches, and the rendered steps.</summary>
internal sealed class MatchDescriber(CompiledRule rule)
{
    private readonly MatchValues.Names _names = new([.. rule.Values.Keys]);
    private readonly ValueReader[] _readers = rule.Values.Values.ToArray();

    // Loops rather than LINQ: this runs once per match, and every line of a bundle may fire one.
    public FiredRule Describe(Match match, IReadOnlyList<MatchedFact> facts, List<Match> sources,
        IReadOnlyList<ItemResult> evidence, IReadOnlyList<ItemResult> against, IReadOnlyList<UnmetCondition>? unmet = null)
    {
        unmet ??= [];
        var texts = new string?[_readers.Length];
        for (var i = 0; i < _readers.Length; i++)
        {
            foreach (var source in sources)
            {
                if (_readers[i].Read(source) is { } value)
                {
                    texts[i] = value;
                    break;
                }
            }
        }

        var values = new MatchValues(_names, texts);
        Func<string, string> valueOf = path => values.GetValueOrDefault(path)!;
        var loaded = rule.Rule;
        return new FiredRule(loaded, facts, values, evidence, against, Render(loaded.Fix, valueOf), Render(loaded.Verify, valueOf))
        {
            Summary = Templates.Render(loaded.Cause.Summary, valueOf),
            Detail = loaded.Cause.Detail is { } detail ? Templates.Render(detail, valueOf) : null,
            Status = unmet.Count > 0 ? CauseStatus.Suspected : CauseStatus.Confirmed,
            Unmet = unmet,
            When = rule.When.Select(c => new WhenResult(c, facts.Where(f => f.Name == c.Name).ToList(), unmet.FirstOrDefault(u => ReferenceEquals(u.Condition, c)))).ToList(),
        };
    }

    private static List<string> Render(IReadOnlyList<Model.Template> templates, Func<string, string> valueOf)
    {
        var rendered = new List<string>(templates.Count);
        foreach (var template in templates)
        {
            rendered.Add(Templates.Render(template, valueOf));
        }

        return rendered;
    }

    /// <summary>The bound facts (only those of <paramref name="only"/> when given); a count contributes
    /// each fact it counted.</summary>
    public static List<MatchedFact> Facts(Match match, string? only = null)
    {
        var facts = new List<MatchedFact>();
        for (var i = 0; i < match.Declarations.Count; i++)
        {
            var name = match.Declarations[i].Name;
            if (only is not null && name != only)
            {
                continue;
            }

            switch (match.Facts[i])
            {
                case AggregateResult aggregate:
                    facts.AddRange(aggregate.Items.Select(item => new MatchedFact(name, item)));
                    break;
                case { } fact:
                    facts.Add(new MatchedFact(name, fact));
                    break;
            }
        }

        return facts;
    }
}
