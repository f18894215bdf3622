using System.Text;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts.Scanning;

/// <summary>A regex without a literal opened by a gate pattern (<see cref="ScanPattern.After"/>): tried on the
/// records of a file after the first one matching the gate, and on none before or without it.</summary>
public sealed class GatedRegexTests
{
    private const string Output =
        "machine:\n" +
        "error applying new configuration: failed to parse config: unknown keys found during decoding:\n" +
        "machine:\n" +
        "    network:\n" +
        "cluster:\n";

    private static ScanPlan Plan() => ScanPlan.CreateBuilder()
        .AddRegex("tree", @"(?m)^(?<section>[a-z][A-Za-z]+):\s*$").After("unknown")
        .AddLiteral("unknown", "unknown keys found during decoding")
        .Build();

    [Fact]
    public void The_gated_regex_matches_only_records_after_the_gate()
    {
        var facts = LogReading.Read(Output, Plan());

        Assert.Equal([2, 3, 5], facts.Select(f => f.LineNumber));
        Assert.Equal(["unknown"], facts[0].Matched);
        Assert.Equal(["tree"], facts[1].Matched);
    }

    [Fact]
    public void Without_the_gate_in_the_file_the_gated_regex_matches_nothing()
    {
        Assert.Empty(LogReading.Read("machine:\ncluster:\n", Plan()));
    }

    [Fact]
    public void A_gate_opened_in_one_chunk_stays_open_in_the_next_with_exact_line_numbers()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 40_000; i++)
        {
            text.Append(i == 30_000 ? "x unknown keys found during decoding:\n" : i % 10_000 == 0 ? "cluster:\n" : $"padding line {i}\n");
        }

        var facts = LogReading.Read(text.ToString(), Plan());

        Assert.Equal([30_000, 40_000], facts.Select(f => f.LineNumber));
    }

    [Fact]
    public void A_gate_that_was_never_added_is_refused()
    {
        var builder = ScanPlan.CreateBuilder().AddRegex("tree", "^x+$").After("missing");

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Equal("pattern 'tree' is opened by 'missing', which was never added.", error.Message);
    }
}
