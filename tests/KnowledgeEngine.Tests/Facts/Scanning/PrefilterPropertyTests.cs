using System.Text;
using KnowledgeEngine.Facts.Scanning;

namespace KnowledgeEngine.Tests.Facts.Scanning;

/// <summary>
/// The tiered prefilter against a naive oracle (every literal tried at every position): for random literal
/// sets of mixed lengths (so every tier is used) and random texts over a small alphabet (so literals occur
/// often, overlap and interleave), walking a region with <see cref="Prefilter.Next"/> visits exactly the
/// positions where some literal starts, and <see cref="Prefilter.FindAll"/> names exactly the literals a text holds.
/// </summary>
public class PrefilterPropertyTests
{
    private const string Alphabet = "ab c";

    private static string Word(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }

    /// <summary>The oracle: every position where some literal starts, found by trying each literal at each position.</summary>
    private static List<int> NaiveStarts(string text, string[] literals) =>
        Enumerable.Range(0, text.Length).Where(i => literals.Any(l => string.CompareOrdinal(text, i, l, 0, l.Length) == 0 && i + l.Length <= text.Length)).ToList();

    private static string[] Literals(Random random) =>
        Enumerable.Range(0, random.Next(1, 12)).Select(_ => Word(random, random.Next(1, 16))).Distinct().ToArray();

    [Fact]
    public void Walking_a_region_stops_at_every_position_where_a_literal_starts_and_nowhere_else() => ForEachSeed(seed =>
    {
        var random = new Random(seed);
        var literals = Literals(random);
        var text = Word(random, random.Next(0, 400));
        var prefilter = new Prefilter(literals);

        var visited = new List<int>();
        var cursor = prefilter.NewCursor();
        for (var at = prefilter.Next(text, 0, cursor); at >= 0; at = prefilter.Next(text, at + 1, cursor))
        {
            visited.Add(at);
        }

        var expected = NaiveStarts(text, literals);
        Assert.Equal(expected, visited);
    });

    [Fact]
    public void FindAll_names_each_literal_the_text_holds_once() => ForEachSeed(seed =>
    {
        var random = new Random(seed);
        var literals = Literals(random);
        var text = Word(random, random.Next(0, 120));
        var found = new List<int>();

        new Prefilter(literals).FindAll(text, found, []);

        var expected = Enumerable.Range(0, literals.Length).Where(i => text.Contains(literals[i], StringComparison.Ordinal));
        Assert.Equal(expected, found.Order());
    });

    [Fact]
    public void Literals_of_seven_characters_or_more_share_one_tier_and_shorter_ones_get_theirs_by_length()
    {
        Assert.Equal(3, new Prefilter(["ab", "abc", "abcdefg", "abcdefghijk"]).TierCount);
        Assert.Equal(1, new Prefilter(["abcdefg", "abcdefghijk", "abcdefghijklmnopqrstuvwxyz"]).TierCount);
    }

    /// <summary>Runs the property for 500 seeds and names the first that fails, so it can be replayed.</summary>
    private static void ForEachSeed(Action<int> property)
    {
        for (var seed = 1; seed <= 500; seed++)
        {
            try
            {
                property(seed);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}: {e.Message}");
            }
        }
    }
}
