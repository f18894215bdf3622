using System.Text;
using System.Text.RegularExpressions;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts.Scanning;

/// <summary>
/// The prefilter may skip a record only if no match can be in it: for random patterns (literals,
/// classes, alternations, groups, quantifiers, case-insensitive parts) and random strings each pattern
/// matches, one of the extracted literals occurs in every string. The oracle is the generator itself:
/// it builds each string from the pattern's syntax tree, and .NET's regex confirms the match.
/// </summary>
public class RegexLiteralsPropertyTests
{
    private abstract record Node
    {
        public abstract string Pattern { get; }

        public abstract void Sample(Random random, StringBuilder into, bool ignoreCase);
    }

    private sealed record Text(string Value) : Node
    {
        public override string Pattern => Regex.Escape(Value);

        public override void Sample(Random random, StringBuilder into, bool ignoreCase)
        {
            foreach (var c in Value)
            {
                into.Append(!ignoreCase ? c : random.Next(3) switch
                {
                    0 => char.ToUpperInvariant(c),
                    1 when c == 'k' => '\u212A',
                    _ => char.ToLowerInvariant(c),
                });
            }
        }
    }

    private sealed record Digit : Node
    {
        public override string Pattern => @"\d";

        public override void Sample(Random random, StringBuilder into, bool ignoreCase) => into.Append((char)('0' + random.Next(10)));
    }

    private sealed record AnyChar : Node
    {
        public override string Pattern => ".";

        public override void Sample(Random random, StringBuilder into, bool ignoreCase) => into.Append("ak: 9"[random.Next(5)]);
    }

    private sealed record Sequence(IReadOnlyList<Node> Parts) : Node
    {
        public override string Pattern => string.Concat(Parts.Select(p => p.Pattern));

        public override void Sample(Random random, StringBuilder into, bool ignoreCase)
        {
            foreach (var part in Parts)
            {
                part.Sample(random, into, ignoreCase);
            }
        }
    }

    private sealed record Group(Node Inner, string Opening, bool IgnoreCase) : Node
    {
        public override string Pattern => $"{Opening}{Inner.Pattern})";

        public override void Sample(Random random, StringBuilder into, bool ignoreCase) => Inner.Sample(random, into, ignoreCase || IgnoreCase);
    }

    private sealed record Alternation(IReadOnlyList<Node> Branches) : Node
    {
        public override string Pattern => "(?:" + string.Join("|", Branches.Select(b => b.Pattern)) + ")";

        public override void Sample(Random random, StringBuilder into, bool ignoreCase) =>
            Branches[random.Next(Branches.Count)].Sample(random, into, ignoreCase);
    }

    private sealed record Repeat(Node Inner, int Min, int Max, string Quantifier) : Node
    {
        public override string Pattern => $"(?:{Inner.Pattern}){Quantifier}";

        public override void Sample(Random random, StringBuilder into, bool ignoreCase)
        {
            var count = random.Next(Min, Max + 1);
            for (var i = 0; i < count; i++)
            {
                Inner.Sample(random, into, ignoreCase);
            }
        }
    }

    private static readonly string[] Words = ["error", "kube", "failed", "mount", "sas", "ok", "x", "STATE", "dev "];

    private static Node Generate(Random random, int depth)
    {
        var choice = depth > 3 ? random.Next(3) : random.Next(8);
        return choice switch
        {
            0 => new Text(Words[random.Next(Words.Length)]),
            1 => random.Next(2) == 0 ? new Digit() : new AnyChar(),
            2 => new Text(Words[random.Next(Words.Length)] + Words[random.Next(Words.Length)]),
            3 or 4 => new Sequence(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Generate(random, depth + 1)).ToList()),
            5 => new Alternation(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Generate(random, depth + 1)).ToList()),
            6 => random.Next(4) switch
            {
                0 => new Group(Generate(random, depth + 1), "(", false),
                1 => new Group(Generate(random, depth + 1), "(?<n>", false),
                2 => new Group(Generate(random, depth + 1), "(?i:", true),
                _ => new Group(Generate(random, depth + 1), "(?:", false),
            },
            _ => random.Next(5) switch
            {
                0 => new Repeat(Generate(random, depth + 1), 0, 1, "?"),
                1 => new Repeat(Generate(random, depth + 1), 0, 2, "*"),
                2 => new Repeat(Generate(random, depth + 1), 1, 3, "+"),
                3 => new Repeat(Generate(random, depth + 1), 2, 2, "{2}"),
                _ => new Repeat(Generate(random, depth + 1), 1, 2, "{1,2}?"),
            },
        };
    }

    [Fact]
    public void Every_generated_match_contains_one_of_the_literals()
    {
        var random = new Random(20261201);
        var withLiterals = 0;
        for (var round = 0; round < 1500; round++)
        {
            var node = Generate(random, 0);
            var pattern = (random.Next(6) == 0 ? "(?i)" : "") + node.Pattern;
            var ignoreCase = pattern.StartsWith("(?i)", StringComparison.Ordinal);
            var literals = RegexLiterals.From(pattern);
            if (literals.Count == 0)
            {
                continue;
            }

            withLiterals++;
            // Non-backtracking: nested quantifiers of generated patterns made the backtracking engine explode.
            var regex = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            for (var sample = 0; sample < 8; sample++)
            {
                var text = new StringBuilder();
                node.Sample(random, text, ignoreCase);
                var s = text.ToString();
                Assert.True(regex.IsMatch(s), $"generator bug: '{s}' does not match {pattern}");
                Assert.True(literals.Any(l => s.Contains(l, StringComparison.Ordinal)),
                    $"'{s}' matches {pattern} but holds none of [{string.Join(", ", literals)}]");
            }
        }

        // The property is only worth something if most patterns gave literals.
        Assert.True(withLiterals > 500, $"only {withLiterals} of 1500 patterns gave literals");
    }

    [Fact]
    public void Every_generated_match_contains_each_also_required_literal()
    {
        var random = new Random(20261202);
        var withConjuncts = 0;
        for (var round = 0; round < 3000; round++)
        {
            var node = Generate(random, 0);
            var pattern = (random.Next(6) == 0 ? "(?i)" : "") + node.Pattern;
            var also = RegexLiterals.AlsoRequired(pattern);
            if (also.Count == 0)
            {
                continue;
            }

            withConjuncts++;
            var regex = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            for (var sample = 0; sample < 8; sample++)
            {
                var text = new StringBuilder();
                node.Sample(random, text, pattern.StartsWith("(?i)", StringComparison.Ordinal));
                var s = text.ToString();
                Assert.True(regex.IsMatch(s), $"generator bug: '{s}' does not match {pattern}");
                Assert.All(also, l => Assert.True(s.Contains(l, StringComparison.Ordinal), $"'{s}' matches {pattern} but lacks '{l}'"));
            }
        }

        Assert.True(withConjuncts > 200, $"only {withConjuncts} of 3000 patterns gave also-required literals");
    }
}
