using KnowledgeEngine.Rules;
using KnowledgeEngine.Facts.Cases;

namespace KnowledgeEngine.Evaluation;

/// <summary>How one ranking fared on one case. A case that expects a rule is a hit when the rule ranks
/// first, a top-3 hit when it ranks second or third, else a miss; a case that expects none is quiet when
/// nothing is ranked, else a false claim.</summary>
public enum Verdict
{
    Hit,
    Top3,
    Miss,
    Quiet,
    FalseClaim,
}

/// <summary>A cause as kb diagnose ranked it.</summary>
public sealed record RankedCause(string RuleId, CauseStatus Status, double Confidence);

/// <summary>An article as the retrieval baseline ranked it, with the rules it documents (what a hit is judged by).</summary>
public sealed record RankedArticle(string Path, double Score, IReadOnlyList<string> Rules);

/// <summary>One case run through the rules and through the retrieval baseline, best three of each.</summary>
public sealed record CaseResult(RealCase Case, IReadOnlyList<RankedCause> Causes, IReadOnlyList<RankedArticle> Articles)
{
    public Verdict Rules => Judge(Case.Expect, Causes.Select(c => (IReadOnlyList<string>)[c.RuleId]).ToList());

    public Verdict Retrieval => Judge(Case.Expect, Articles.Select(a => a.Rules).ToList());

    /// <summary>The rule ranked first, or null when no cause was found.</summary>
    public string? RankedFirst => Causes.Count > 0 ? Causes[0].RuleId : null;

    private static Verdict Judge(string? expect, IReadOnlyList<IReadOnlyList<string>> ranked)
    {
        if (expect is null)
        {
            return ranked.Count == 0 ? Verdict.Quiet : Verdict.FalseClaim;
        }

        var position = ranked.Select((rules, i) => rules.Contains(expect) ? i : -1).FirstOrDefault(i => i >= 0, -1);
        return position switch
        {
            0 => Verdict.Hit,
            1 or 2 => Verdict.Top3,
            _ => Verdict.Miss,
        };
    }
}
