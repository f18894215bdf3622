using System.Text.RegularExpressions;

namespace KnowledgeEngine.Evaluation;

/// <summary>
/// The figures the repository holds the rules to (docs/accuracy.md, section "Ratchet"): the fewest top-1
/// hits and the most false claims allowed. A change that moves them updates the file in the same commit.
/// </summary>
public sealed partial record AccuracyRecord(string File, int MinTop1, int MaxFalseClaims)
{
    [GeneratedRegex(@"^- top-1 at least: \*\*(\d+)\*\*", RegexOptions.Multiline)]
    private static partial Regex Top1Line();

    [GeneratedRegex(@"^- false claims at most: \*\*(\d+)\*\*", RegexOptions.Multiline)]
    private static partial Regex FalseClaimsLine();

    /// <exception cref="InvalidDataException">The file lacks a figure; the message says which line to write.</exception>
    public static AccuracyRecord Parse(string file, string text)
    {
        var top1 = Top1Line().Match(text);
        var falseClaims = FalseClaimsLine().Match(text);
        if (!top1.Success || !falseClaims.Success)
        {
            throw new InvalidDataException($"{file}: the recorded figures are missing; write the lines '- top-1 at least: **N**' and " +
                "'- false claims at most: **N**' (docs/accuracy.md, section Ratchet)");
        }

        return new AccuracyRecord(file, int.Parse(top1.Groups[1].Value), int.Parse(falseClaims.Groups[1].Value));
    }

    /// <summary>What breaks the ratchet: top-1 below the record, false claims above it. Empty when it holds.</summary>
    public IReadOnlyList<string> Breaches(Score rules)
    {
        var breaches = new List<string>();
        if (rules.Top1 < MinTop1)
        {
            breaches.Add($"top-1 fell to {rules.Top1}, below the {MinTop1} recorded in {File}");
        }

        if (rules.FalseClaims > MaxFalseClaims)
        {
            breaches.Add($"false claims rose to {rules.FalseClaims}, above the {MaxFalseClaims} recorded in {File}");
        }

        return breaches;
    }

    /// <summary>Figures better than the record, to be written into it with the change that made them.</summary>
    public bool Improved(Score rules) => rules.Top1 > MinTop1 || rules.FalseClaims < MaxFalseClaims;
}
