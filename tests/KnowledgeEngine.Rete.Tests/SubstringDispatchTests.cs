using System.Linq.Expressions;
using CsCheck;

namespace KnowledgeEngine.Rete.Tests;

public sealed class Line(string text, int group = 0)
{
    public string Text { get; } = text;
    public int Group { get; } = group;
    public override string ToString() => $"Line({Text})";
}

/// <summary>
/// Sibling <c>Text.Contains(literal)</c> tests become one multi-literal search per fact. Whatever the literals
/// (inside one another, repeated, overlapping) each rule must match exactly the facts whose text holds its literal.
/// </summary>
public sealed class SubstringDispatchTests
{
    private static Expression<Func<Line, bool>> Contains(string literal, bool ordinalArgument) =>
        ordinalArgument ? l => l.Text.Contains(literal, StringComparison.Ordinal) : l => l.Text.Contains(literal);

    [Fact]
    public void Each_rule_matches_exactly_the_lines_holding_its_literal()
    {
        var gen = Gen.Select(
            Gen.Char["ab x"].Array[1, 5].Select(c => new string(c)).Array[1, 12],
            Gen.Char["ab x"].Array[0, 30].Select(c => new string(c)).Array[0, 15],
            Gen.Bool);
        gen.Sample((literals, texts, ordinalArgument) =>
        {
            var rules = literals.Select((literal, i) =>
                new RuleBuilder($"r{i}").Match<Line>("l", Contains(literal, ordinalArgument || i % 2 == 0)).Build()).ToList();
            var session = RuleCompiler.Compile(rules).CreateSession();
            var lines = texts.Select(t => new Line(t)).ToList();
            lines.ForEach(session.Insert);

            for (var i = 0; i < literals.Length; i++)
            {
                var expected = lines.Where(l => l.Text.Contains(literals[i], StringComparison.Ordinal));
                var actual = session.Activations($"r{i}").Select(a => (Line)a.Match.Facts[0]!);
                Assert.Equal(expected.ToHashSet(), actual.ToHashSet());
            }
        }, iter: 500);
    }

    [Fact]
    public void A_repeated_literal_shares_its_node_and_later_tests_still_apply()
    {
        var rules = new[] { "disk full", "disk", "full", "disk full" }.Select((literal, i) =>
            new RuleBuilder($"r{i}").Match<Line>("l", Contains(literal, true), (Line l) => l.Group == 0).Build());

        var factory = RuleCompiler.Compile(rules);
        var session = factory.CreateSession();
        session.Insert(new Line("the disk is full"));
        session.Insert(new Line("disk full", group: 1));

        // Three distinct literals, each with its Group test below: six nodes, not eight.
        Assert.Equal(6, factory.NetworkSummary["SelectionNode"]);
        Assert.Empty(session.Activations("r0"));
        Assert.Empty(session.Activations("r3"));
        Assert.Single(session.Activations("r1"));
        Assert.Single(session.Activations("r2"));
    }
}
