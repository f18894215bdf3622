namespace KnowledgeEngine.Diagnosis;

/// <summary>What changed between a diagnosis before a fix and one after: causes that cleared,
/// remain, or are new. A cause is the same when its rule and its captured values are.</summary>
public sealed record DiagnosisDiff(IReadOnlyList<Hypothesis> Cleared, IReadOnlyList<(Hypothesis Before, Hypothesis After)> Remaining, IReadOnlyList<Hypothesis> New)
{
    public static DiagnosisDiff Compare(DiagnosisResult before, DiagnosisResult after)
    {
        var afterByKey = after.Causes.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var beforeKeys = before.Causes.Select(Key).ToHashSet(StringComparer.Ordinal);
        var cleared = before.Causes.Where(b => !afterByKey.ContainsKey(Key(b))).ToList();
        var remaining = before.Causes.Where(b => afterByKey.ContainsKey(Key(b))).Select(b => (b, afterByKey[Key(b)])).ToList();
        var added = after.Causes.Where(a => !beforeKeys.Contains(Key(a))).ToList();
        return new DiagnosisDiff(cleared, remaining, added);
    }

    /// <summary>Rule id plus the values the rule captured (host, IP, MAC...): the same failure of
    /// the same object, whatever line it was logged on this time.</summary>
    public static string Key(Hypothesis h) =>
        h.RuleId + "|" + string.Join("|", h.Fired.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value));
}
