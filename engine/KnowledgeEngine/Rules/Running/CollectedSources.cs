using System.Runtime.InteropServices;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Facts.Layouts;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Running;

/// <summary>What the bundle says about a when condition that did not hold.</summary>
internal enum UnmetState
{
    /// <summary>Its source was never collected: neutral, collect it next.</summary>
    NotCollected,

    /// <summary>A log that was collected lacks the line: counts against the cause. A log is a window
    /// (rotated, cut to the last minutes, pasted in part), so a missing line does not disprove.</summary>
    Absent,

    /// <summary>The state was collected (a resource kind, a config file, the inventory) and is not the
    /// one the rule needs: the state disproves the cause, so no suspected cause is claimed.</summary>
    Contradicted,
}

/// <summary>
/// What a bundle collected, seen while its facts go into the session, so that a condition that did
/// not hold can be told apart (see <see cref="UnmetState"/>). Per fact kind:
/// a log condition's source is collected when a file matches its <c>source</c> glob (without one:
/// when the bundle holds a text file that is not JSON or YAML); a resource condition's when a
/// resource of its <c>kind</c> (and <c>api</c> group, when it names one) was read; a config condition's when a file matches its <c>file</c>
/// glob (without one: when any config value was read); files and the bundle are always collected;
/// a derived fact's source is that of the when conditions (the signatures, when it has some) of the
/// rules that derive it.
/// </summary>
internal sealed class CollectedSources(IReadOnlyDictionary<string, List<IReadOnlyList<ConditionModel>>> derivers)
{
    private readonly List<string> _files = [];
    /// <summary>The resource kinds read, each with the API groups its objects named (none for table rows).</summary>
    private readonly Dictionary<string, HashSet<string>> _resourceKinds = new(StringComparer.OrdinalIgnoreCase);
    private bool _anyLogFile;
    private bool _anyConfig;

    public void See(object fact)
    {
        switch (fact)
        {
            case FileFact { Collected: true } file:
                _files.Add(file.Path);
                _anyLogFile |= !file.IsBinary && !IsStructured(file.Path);
                break;
            case ResourceFact resource:
                var groups = CollectionsMarshal.GetValueRefOrAddDefault(_resourceKinds, resource.ResourceKind, out _) ??= new(StringComparer.Ordinal);
                if (resource.ApiGroup is { } group)
                {
                    groups.Add(group);
                }

                break;
            case ConfigFact:
                _anyConfig = true;
                break;
        }
    }

    public UnmetState State(LoadedCondition condition, int depth = 0) => State(condition.Model, depth);

    private UnmetState State(ConditionModel condition, int depth) => condition.Kind.Value switch
    {
        FactKind.Log => (condition.Property("source") is { } glob ? AnyFile(glob.Value) : _anyLogFile) ? UnmetState.Absent : UnmetState.NotCollected,
        FactKind.Resource => Collected(ResourceCollected(condition)),
        FactKind.Config => Collected(condition.Property("file") is { } glob ? AnyFile(glob.Value) : _anyConfig),
        FactKind.Fact => Derived(condition.Property("name")?.Value, depth),
        _ => UnmetState.Contradicted,
    };

    /// <summary>A resource of the condition's kind was read, and of its API group when it names one: a Harvester
    /// bundle always holds Rancher's Cluster objects, which say nothing about the Cluster API one of the same kind.</summary>
    private bool ResourceCollected(ConditionModel condition) => (condition.Property("kind"), condition.Property("api")) switch
    {
        ({ } kind, { } api) => _resourceKinds.TryGetValue(kind.Value, out var groups) && groups.Contains(api.Value),
        ({ } kind, null) => _resourceKinds.ContainsKey(kind.Value),
        (null, { } api) => _resourceKinds.Values.Any(groups => groups.Contains(api.Value)),
        _ => _resourceKinds.Count > 0,
    };

    private static UnmetState Collected(bool collected) => collected ? UnmetState.Contradicted : UnmetState.NotCollected;

    /// <summary>The strongest state over the rules deriving the fact: one whose conditions were all
    /// collected speaks for the fact (chains are short; the depth guard stops cycles). A rule with
    /// signatures is judged by its signatures alone: its suspected match derives the fact too, so whether
    /// the fact can be there depends on them, and a confirming condition seldom collected must not stop a
    /// collected, contradicting signature from speaking.</summary>
    private UnmetState Derived(string? name, int depth)
    {
        if (name is null || depth > 4 || !derivers.TryGetValue(name, out var rules))
        {
            return UnmetState.NotCollected;
        }

        var best = UnmetState.NotCollected;
        foreach (var when in rules)
        {
            var judged = when.Any(c => c.IsSignature) ? when.Where(c => c.IsSignature) : when;
            var states = judged.Select(c => State(c, depth + 1)).ToList();
            var state = states.Any(s => s == UnmetState.NotCollected) ? UnmetState.NotCollected : states.Min();
            best = state > best ? state : best;
        }

        return best;
    }

    private bool AnyFile(string glob) => _files.Any(f => Glob.IsMatch(glob, f));

    private static bool IsStructured(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
