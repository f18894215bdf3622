using System.Linq.Expressions;
using NRules.Aggregators;
using NRules.RuleModel;

namespace KnowledgeEngine.NRules.Runtime;

/// <summary>The NRules aggregator of our count and collect elements: both bind an
/// <see cref="AggregateResult"/> of the matching facts, restricted to the densest time window
/// when the element has one.</summary>
internal sealed class WindowAggregatorFactory : IAggregatorFactory
{
    internal const string Name = "KnowledgeEngine.Aggregate";
    internal const string TimestampName = "Timestamp";
    internal const string LengthName = "Length";
    /// <summary>The aggregate element's own name, which only keeps NRules from sharing the nodes of equal elements.</summary>
    internal const string ElementName = "Element";

    private IAggregateExpression? _timestamp;
    private TimeSpan? _length;

    public void Compile(global::NRules.RuleModel.AggregateElement element, IReadOnlyCollection<IAggregateExpression> compiledExpressions)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(compiledExpressions);
        _timestamp = compiledExpressions.FirstOrDefault(e => e.Name == TimestampName);
        if (element.Expressions.FindSingleOrDefault(LengthName) is { Expression: LambdaExpression { Body: ConstantExpression { Value: TimeSpan length } } })
        {
            _length = length;
        }
    }

    public IAggregator Create(AggregationContext context) => new WindowAggregator(_timestamp, _length);
}

/// <summary>Keeps the facts of one left tuple and answers every change with a new result, as our
/// engine does (it re-emits an aggregate whenever its source changed, even to an equal count).</summary>
internal sealed class WindowAggregator(IAggregateExpression? timestamp, TimeSpan? length) : IAggregator
{
    private readonly Dictionary<IFact, DateTimeOffset?> _facts = new(ReferenceEqualityComparer.Instance);
    private AggregateResult? _result;

    public IReadOnlyCollection<AggregationResult> Add(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        foreach (var fact in facts)
        {
            _facts[fact] = TimeOf(context, tuple, fact);
        }

        return [Result()];
    }

    public IReadOnlyCollection<AggregationResult> Modify(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts) =>
        Add(context, tuple, facts);

    public IReadOnlyCollection<AggregationResult> Remove(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        foreach (var fact in facts)
        {
            _facts.Remove(fact);
        }

        return [Result()];
    }

    private DateTimeOffset? TimeOf(AggregationContext context, ITuple tuple, IFact fact) =>
        timestamp is null ? null : (DateTimeOffset?)timestamp.Invoke(context, tuple, fact);

    private AggregationResult Result()
    {
        var previous = _result;
        _result = Compute();
        return previous is null
            ? AggregationResult.Added(_result, _facts.Keys.ToArray())
            : AggregationResult.Modified(_result, previous, _facts.Keys.ToArray());
    }

    /// <summary>Our engine lists an aggregate's facts in insertion order (by fact id), so the result
    /// is built from the adapter session's own fact entries.</summary>
    private AggregateResult Compute()
    {
        var session = AdapterSession.Current ?? throw new InvalidOperationException("An NRules aggregate changed outside an adapter session call.");
        var entries = _facts.Keys.Select(f => session.EntryOf(f.Value!)).OrderBy(e => e.Id).ToList();
        if (timestamp is null || length is null)
        {
            return new AggregateResult(entries.Select(e => e.Object).ToArray(), null, null);
        }

        var times = _facts.ToDictionary(f => f.Key.Value!, f => f.Value, ReferenceEqualityComparer.Instance);
        return KnowledgeEngine.Rete.Network.AggregateNode.DensestWindow(entries, length.Value, o => times[o]);
    }
}
