using NRules.RuleModel;

namespace KnowledgeEngine.NRules.Fluent;

/// <summary>
/// NRules' action context over ours, for a fluent rule running in our session. A linked fact is our
/// logical insert: it stays while the match holds and goes with it. A match fires once in our engine
/// (an update to one of its facts withdraws it and makes a new one), so the linked facts a firing can
/// find are the ones it inserted itself; <c>Yield</c> therefore always inserts, and the fact of the
/// withdrawn match loses its support.
/// </summary>
internal sealed class FluentContext(IRuleDefinition rule, IActionContext context) : IContext
{
    private readonly Dictionary<object, object> _linked = [];

    public IRuleDefinition Rule => rule;

    public IMatch Match => new FluentMatch(rule, context.Match);

    public CancellationToken CancellationToken => CancellationToken.None;

    public void Halt() => context.Halt();

    public void Insert(object fact) => context.Insert(fact);

    public void InsertAll(IEnumerable<object> facts) => Each(facts, context.Insert);

    public bool TryInsert(object fact) => Try<DuplicateFactException>(() => context.Insert(fact));

    public void Update(object fact) => context.Update(fact);

    public void UpdateAll(IEnumerable<object> facts) => Each(facts, context.Update);

    public bool TryUpdate(object fact) => Try<FactNotFoundException>(() => context.Update(fact));

    public void Retract(object fact) => context.Retract(fact);

    public void RetractAll(IEnumerable<object> facts) => Each(facts, context.Retract);

    public bool TryRetract(object fact) => Try<FactNotFoundException>(() => context.Retract(fact));

    public IReadOnlyCollection<object> GetLinkedKeys() => _linked.Keys;

    public object? GetLinked(object key) => _linked.GetValueOrDefault(key);

    public void InsertLinked(object key, object fact)
    {
        if (!_linked.TryAdd(key, fact))
        {
            throw new ArgumentException($"This match already inserted a linked fact with the key '{key}'.", nameof(key));
        }

        context.InsertLogical(fact);
    }

    public void InsertAllLinked(IEnumerable<KeyValuePair<object, object>> keyedFacts) => Each(keyedFacts, f => InsertLinked(f.Key, f.Value));

    public void UpdateLinked(object key, object fact)
    {
        Linked(key);
        _linked[key] = fact;
        context.Update(fact);
    }

    public void UpdateAllLinked(IEnumerable<KeyValuePair<object, object>> keyedFacts) => Each(keyedFacts, f => UpdateLinked(f.Key, f.Value));

    public void RetractLinked(object key, object fact)
    {
        Linked(key);
        _linked.Remove(key);
        context.Retract(fact);
    }

    public void RetractAllLinked(IEnumerable<KeyValuePair<object, object>> keyedFacts) => Each(keyedFacts, f => RetractLinked(f.Key, f.Value));

    public object Resolve(Type serviceType) =>
        throw new NotSupportedException($"Rule '{rule.Name}' asks for a {serviceType.Name}: rules in our session have no dependency resolver.");

    private void Linked(object key)
    {
        if (!_linked.ContainsKey(key))
        {
            throw new ArgumentException($"This match inserted no linked fact with the key '{key}'.", nameof(key));
        }
    }

    private static void Each<T>(IEnumerable<T> items, Action<T> change)
    {
        foreach (var item in items)
        {
            change(item);
        }
    }

    private static bool Try<TException>(Action change)
        where TException : Exception
    {
        try
        {
            change();
            return true;
        }
        catch (TException)
        {
            return false;
        }
    }
}
