using CsCheck;
using KnowledgeEngine.Rete.Text;

namespace KnowledgeEngine.Rete.Tests;

/// <summary>
/// The multi-literal prefilter against the obvious oracle (string.IndexOf per literal). Texts and literals are
/// drawn from a tiny alphabet so that overlaps, repeats, literals inside literals and occurrences at both ends
/// of the text are common rather than rare.
/// </summary>
public sealed class LiteralSearcherTests
{
    private static readonly Gen<string> Literal = Gen.Char["abc x"].Array[1, 12].Select(c => new string(c));

    private static readonly Gen<(string[] Literals, string Text)> Case =
        Gen.Select(Literal.Array[1, 40], Gen.Char["abc x\n"].Array[0, 300].Select(c => new string(c)))
            .Select((literals, text) => (literals.Distinct().ToArray(), text));

    private static int Earliest(string[] literals, string text) =>
        literals.Select(l => text.IndexOf(l, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();

    [Fact]
    public void Finds_the_earliest_occurrence_like_IndexOf()
    {
        Case.Sample(c =>
        {
            var searcher = new LiteralSearcher(c.Literals);
            Assert.Equal(Earliest(c.Literals, c.Text), searcher.IndexOfAny(c.Text));
        }, iter: 3000);
    }

    [Fact]
    public void Finds_exactly_the_literals_that_occur_each_once()
    {
        Case.Sample(c =>
        {
            var searcher = new LiteralSearcher(c.Literals);
            var found = new List<int>();
            searcher.FindAll(c.Text, found);
            Assert.Equal(found.Distinct().Count(), found.Count);
            Assert.Equal(Enumerable.Range(0, c.Literals.Length).Where(i => c.Text.Contains(c.Literals[i], StringComparison.Ordinal)), found.Order());
        }, iter: 3000);
    }

    [Fact]
    public void Finds_every_start_in_a_slice_of_log_text_with_many_literals()
    {
        // Realistic literals of uneven length, including one that only a long stride could skip.
        var literals = Enumerable.Range(0, 500).Select(i => $"volume {i} stalled").Append("OOMKilled").Append("x509: certificate has expired").ToArray();
        var searcher = new LiteralSearcher(literals);
        const string line = "Mar  9 10:00:01 n1 kubelet[10]: E0309 pod_workers.go:1298] OOMKilled; then volume 417 stalled";

        for (var from = 0; from < line.Length; from++)
        {
            var slice = line[from..];
            Assert.Equal(Earliest(literals, slice), searcher.IndexOfAny(slice));
        }
    }

    [Fact]
    public void Keys_on_the_rare_part_of_a_literal()
    {
        var searcher = new LiteralSearcher(["the connection timed out x509"]);

        Assert.Equal(4, searcher.Window);
        Assert.Equal(8, searcher.Stride);
        // 26 windows, 8 keyed: the last eight, which hold "x509", not "the " or "tion".
        Assert.Equal(18, searcher.KeyOffset(0));
        Assert.Equal(25, searcher.IndexOfAny("the connection timed out the connection timed out x509"));
    }

    [Fact]
    public void Short_literals_shrink_window_and_stride_but_stay_exact()
    {
        var searcher = new LiteralSearcher(["ab", "OOMKilled"]);

        Assert.Equal(2, searcher.Window);
        Assert.Equal(1, searcher.Stride);
        Assert.Equal(9, searcher.IndexOfAny("xxxxxxxxxab"));
        Assert.Equal(0, searcher.IndexOfAny("OOMKilled ab"));
    }

    [Fact]
    public void Refuses_an_empty_literal()
    {
        Assert.Throws<ArgumentException>(() => new LiteralSearcher(["ok", ""]));
        Assert.Throws<ArgumentException>(() => new LiteralSearcher([]));
    }
}
