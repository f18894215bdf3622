using System.Linq.Expressions;
using KnowledgeEngine.Rete;

namespace KnowledgeEngine.Bench.Engine;

/// <summary>The engine workloads, shaped exactly as issue 2 states them. Facts: N/3 of each of A,
/// B and C; fact j of a type has Group = j % 200 and Key = j, so every key joins one fact of each
/// type, in one group.</summary>
public static class Workloads
{
    public const int Groups = 200;

    public static object[] Facts(int count, int keyOffset = 0)
    {
        var perType = count / 3;
        var facts = new object[perType * 3];
        for (var j = 0; j < perType; j++)
        {
            var key = j + keyOffset;
            facts[j] = new FactA(key % Groups, key);
            facts[perType + j] = new FactB(key % Groups, key);
            facts[2 * perType + j] = new FactC(key % Groups, key);
        }

        return facts;
    }

    /// <summary>Rule i: A(Group==i), B(Group==i, Key==a.Key), C(Group==i, Key==b.Key).</summary>
    public static RuleDefinition[] JoinSelective(Action<IActionContext>? action = null) =>
        Enumerable.Range(0, Groups).Select(i => ThreeWay("join-sel-" + i, i, groupOnJoins: true, action)).ToArray();

    /// <summary>Rule i: A(Group==i), B(Key==a.Key), C(Key==b.Key): B and C are joined on Key only.</summary>
    public static RuleDefinition[] JoinKeyOnly(Action<IActionContext>? action = null) =>
        Enumerable.Range(0, Groups).Select(i => ThreeWay("join-key-" + i, i, groupOnJoins: false, action)).ToArray();

    /// <summary>Three levels per group: A⋈B derives Level 1, Level 1⋈C derives Level 2, Level 2
    /// derives Level 3 — all logical, so retracting an A unwinds the chain.</summary>
    public static RuleDefinition[] Chain()
    {
        var rules = new List<RuleDefinition>();
        for (var i = 0; i < Groups; i++)
        {
            var group = i;
            rules.Add(new RuleBuilder("chain1-" + i)
                .Match<FactA>("a", GroupIs<FactA>("a", group))
                .Match<FactB>("b", (FactB b, FactA a) => b.Key == a.Key)
                .Then(ctx => ctx.InsertLogical(new Level(1, group, ctx.Match.Get<FactA>("a").Key)))
                .Build());
            rules.Add(new RuleBuilder("chain2-" + i)
                .Match<Level>("l", LevelIs(1, group))
                .Match<FactC>("c", (FactC c, Level l) => c.Key == l.Key)
                .Then(ctx => ctx.InsertLogical(new Level(2, group, ctx.Match.Get<Level>("l").Key)))
                .Build());
            rules.Add(new RuleBuilder("chain3-" + i)
                .Match<Level>("l", LevelIs(2, group))
                .Then(ctx => ctx.InsertLogical(new Level(3, group, ctx.Match.Get<Level>("l").Key)))
                .Build());
        }

        return rules.ToArray();
    }

    private static RuleDefinition ThreeWay(string name, int group, bool groupOnJoins, Action<IActionContext>? action)
    {
        var builder = new RuleBuilder(name).Match<FactA>("a", GroupIs<FactA>("a", group));
        if (groupOnJoins)
        {
            builder.Match<FactB>("b", GroupIs<FactB>("b", group), (FactB b, FactA a) => b.Key == a.Key)
                .Match<FactC>("c", GroupIs<FactC>("c", group), (FactC c, FactB b) => c.Key == b.Key);
        }
        else
        {
            builder.Match<FactB>("b", (FactB b, FactA a) => b.Key == a.Key)
                .Match<FactC>("c", (FactC c, FactB b) => c.Key == b.Key);
        }

        if (action is not null)
        {
            builder.Then(action);
        }

        return builder.Build();
    }

    /// <summary>x.Group == group with the group as a constant, as a rule compiler would emit it.</summary>
    private static LambdaExpression GroupIs<T>(string name, int group)
    {
        var p = Expression.Parameter(typeof(T), name);
        return Expression.Lambda(Expression.Equal(Expression.Property(p, "Group"), Expression.Constant(group)), p);
    }

    private static LambdaExpression LevelIs(int depth, int group)
    {
        var p = Expression.Parameter(typeof(Level), "l");
        return Expression.Lambda(
            Expression.AndAlso(
                Expression.Equal(Expression.Property(p, "Depth"), Expression.Constant(depth)),
                Expression.Equal(Expression.Property(p, "Group"), Expression.Constant(group))),
            p);
    }
}
