using System.Linq.Expressions;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Expressions;

namespace KnowledgeEngine.Tests.Expressions;

/// <summary>The fact a test condition matches: a few typed fields and a dynamic object.</summary>
public sealed class PodFact
{
    public string? Name { get; init; }
    public double Restarts { get; init; }
    public bool Ready { get; init; }
    public TimeSpan Uptime { get; init; }
    public DateTimeOffset Time { get; init; }
    public IReadOnlyList<object?> Roles { get; init; } = [];
    public object? Labels { get; init; }
}

/// <summary>An earlier condition, named <c>host</c>, whose fields a condition may join on.</summary>
public sealed class HostFact
{
    public string? Name { get; init; }
    public object? Spec { get; init; }
    public DateTimeOffset CollectedAt { get; init; }
}

/// <summary>
/// Binds the own fact's fields by their lower-case names and <c>host.*</c> to the earlier
/// condition, the way the rule compiler will.
/// </summary>
internal sealed class TestScope : IExpressionScope
{
    public ParameterExpression Pod { get; } = Expression.Parameter(typeof(PodFact), "pod");

    public ParameterExpression Host { get; } = Expression.Parameter(typeof(HostFact), "host");

    public List<IReadOnlyList<PathSegment>> Requests { get; } = [];

    public IEnumerable<string> KnownNames => ["name", "restarts", "ready", "uptime", "time", "roles", "labels", "host.name", "host.spec", "host.collected_at"];

    public ScopeBinding? Resolve(IReadOnlyList<PathSegment> path)
    {
        Requests.Add(path);
        var names = string.Join(".", path.Select(s => s.MemberName ?? $"[{s.Index}]"));
        return names switch
        {
            "name" => new(Expression.Property(Pod, nameof(PodFact.Name)), ExprType.String),
            "restarts" => new(Expression.Property(Pod, nameof(PodFact.Restarts)), ExprType.Number),
            "ready" => new(Expression.Property(Pod, nameof(PodFact.Ready)), ExprType.Bool),
            "uptime" => new(Expression.Property(Pod, nameof(PodFact.Uptime)), ExprType.Duration),
            "time" => new(Expression.Property(Pod, nameof(PodFact.Time)), ExprType.Time),
            "roles" => new(Expression.Property(Pod, nameof(PodFact.Roles)), ExprType.List),
            "labels" => new(Expression.Property(Pod, nameof(PodFact.Labels)), ExprType.Any),
            "host.name" => new(Expression.Property(Host, nameof(HostFact.Name)), ExprType.String),
            "host.spec" => new(Expression.Property(Host, nameof(HostFact.Spec)), ExprType.Any),
            "host.collected_at" => new(Expression.Property(Host, nameof(HostFact.CollectedAt)), ExprType.Time),
            _ => null,
        };
    }
}

/// <summary>Parse, compile and run expressions against the test scope.</summary>
internal static class ExprHarness
{
    public static readonly SourceSpan Origin = new("rule.yaml", 1, 1, 1, 1);

    public static ExprNode Parse(string text)
    {
        var bag = new DiagnosticBag();
        var node = ExpressionParser.Parse(text, Origin, bag);
        Assert.True(node is not null, string.Join("\n", bag.Items));
        return node!;
    }

    public static Expression Compile(string text, TestScope? scope = null)
    {
        var bag = new DiagnosticBag();
        var body = ExpressionCompiler.Compile(Parse(text), scope ?? new TestScope(), bag, Origin);
        Assert.True(body is not null, string.Join("\n", bag.Items));
        return body!;
    }

    public static bool Eval(string text, PodFact pod, HostFact? host = null)
    {
        var scope = new TestScope();
        var lambda = Expression.Lambda<Func<PodFact, HostFact, bool>>(Compile(text, scope), scope.Pod, scope.Host);
        return lambda.Compile()(pod, host ?? new HostFact());
    }

    /// <summary>All diagnostics of parsing and compiling <paramref name="text"/>, as their one-line form.</summary>
    public static IReadOnlyList<string> Errors(string text, SourceSpan? origin = null)
    {
        var bag = new DiagnosticBag();
        var at = origin ?? Origin;
        if (ExpressionParser.Parse(text, at, bag) is { } node)
        {
            ExpressionCompiler.Compile(node, new TestScope(), bag, at);
        }

        return bag.Items.Select(d => d.ToString()).ToList();
    }

    /// <summary>The tree as an S-expression without spans, to compare trees structurally.</summary>
    public static string Dump(ExprNode node) => node switch
    {
        LiteralNode l => $"{l.Type}:{ExpressionPrinter.Literal(l)}",
        ListNode l => $"[{string.Join(" ", l.Items.Select(Dump))}]",
        PathNode p => "path(" + string.Join(" ", p.Segments.Select(s => s.Index is { } i ? $"#{i}" : s.Key is { } k ? $"key:{k}" : s.Selector is { } w ? (w.Value is null ? $"where:exists({w.Field})" : $"where:{w.Field}={w.Value}") : s.Name)) + ")",
        CallNode c => $"({c.Name} {string.Join(" ", c.Arguments.Select(Dump))})",
        UnaryNode u => $"({u.Operator} {Dump(u.Operand)})",
        BinaryNode b => $"({b.Operator} {Dump(b.Left)} {Dump(b.Right)})",
        _ => throw new ArgumentException(node.GetType().Name),
    };
}
