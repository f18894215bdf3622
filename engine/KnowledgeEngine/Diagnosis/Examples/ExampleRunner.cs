using KnowledgeEngine.Facts;
using KnowledgeEngine.Facts.Cases;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Diagnosis.Examples;

/// <summary>
/// Runs the examples of the loaded rules. Each example's facts (inline files written as a small
/// bundle, a bundle path, or a real case's files) go through the real bundle reader and scanner, then through every
/// loaded rule at once, so a rule that also fires on another rule's example shows up as overlap.
/// </summary>
public sealed class ExampleRunner(RuleSet rules)
{
    public IEnumerable<ExampleResult> RunAll() =>
        rules.Rules.SelectMany(rule => rule.Model.Examples.Select(example => Run(rule, example)));

    internal ExampleResult Run(LoadedRule rule, ExampleModel example)
    {
        if (rules.Root is null && (example.Bundle ?? example.Case) is { } named)
        {
            return new ExampleResult(rule, example, [], [])
            {
                NotRun = $"its {(example.Bundle is null ? "case" : "bundle")} {named.Value} is not here: these rules were read as text " +
                         "(the rules built into kb); run kb test in a checkout of the knowledge base to run it",
            };
        }

        RuleRun run;
        try
        {
            run = Execute(example);
        }
        catch (BundleException e)
        {
            return new ExampleResult(rule, example, [], [$"the example's facts cannot be read: {e.Message}"]);
        }
        catch (CaseFileException e)
        {
            return new ExampleResult(rule, example, [], [$"the example's case cannot be read: {e.Message}"]);
        }

        var id = rule.Id;
        var fired = run.Fired.Select(f => f.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var problems = new List<string>();
        var own = run.Fired.Where(f => f.Id == id).ToList();
        var suspected = run.Suspected.Where(f => f.Id == id).ToList();
        var expect = example.Expect?.Value ?? ExampleExpectation.Fires;
        var actual = own.Count > 0 ? ExampleExpectation.Fires : suspected.Count > 0 ? ExampleExpectation.Suspected : ExampleExpectation.Silent;
        if (expect != actual)
        {
            var count = actual == ExampleExpectation.Fires ? own.Count : suspected.Count;
            problems.Add($"expected: {Word(expect)}, actual: {Word(actual)}" + (count > 0 ? $" ({count} match{(count > 1 ? "es" : "")})" : "") +
                (actual == ExampleExpectation.Suspected ? $"; did not hold: {string.Join(", ", suspected[0].Unmet.Select(u => u.Condition.Label))}" : ""));
        }
        else if (expect == ExampleExpectation.Suspected)
        {
            problems.AddRange(SuspectedProblems(example, run, suspected));
        }

        if (example.Rank is { } rank && expect == actual && actual != ExampleExpectation.Silent)
        {
            problems.AddRange(RankProblems(id, (int)rank.Value, run));
        }

        var matched = actual == ExampleExpectation.Fires ? own : suspected;
        if (matched.Count > 0)
        {
            problems.AddRange(CaptureProblems(example, matched));
        }

        var expectFires = expect != ExampleExpectation.Silent;

        var also = example.Also.Select(a => a.Value).ToHashSet(StringComparer.Ordinal);
        var overlaps = expectFires ? fired.Where(f => f != id && !also.Contains(f)).ToList() : [];
        problems.AddRange(overlaps.Select(o => $"overlap: {o} fires on this example too — if that is right, add also: [{o}] to the example; otherwise tighten one of the two rules"));
        problems.AddRange(also.Where(a => !fired.Contains(a)).Select(a => $"also lists {a}, but it did not fire"));
        return new ExampleResult(rule, example, fired, problems) { Overlaps = overlaps };
    }

    private static string Word(ExampleExpectation e) => e.ToString().ToLowerInvariant();

    /// <summary>A suspected example: the rule's suspected cause ranks first, and exactly the listed conditions did not hold.</summary>
    private static IEnumerable<string> SuspectedProblems(ExampleModel example, RuleRun run, List<FiredRule> suspected)
    {
        var top = Diagnoser.Rank(run, "example", null, [], null, []).Causes.FirstOrDefault();
        if (top is null || top.RuleId != suspected[0].Id || top.Status != CauseStatus.Suspected)
        {
            yield return $"expected the suspected cause to rank first, but {(top is null ? "no cause" : $"{top.RuleId} ({top.Status.ToString().ToLowerInvariant()})")} does";
        }

        if (example.Missing.Count == 0)
        {
            yield break;
        }

        var expected = example.Missing.Select(m => m.Value).Order(StringComparer.Ordinal).ToList();
        var actual = suspected[0].Unmet.Select(u => u.Condition.Label).Order(StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(actual))
        {
            yield return $"missing: expected [{string.Join(", ", expected)}], actual [{string.Join(", ", actual)}]";
        }
    }

    /// <summary>The example's rank: the rule's cause is at that place of the ranked diagnosis.</summary>
    private static IEnumerable<string> RankProblems(string id, int rank, RuleRun run)
    {
        var causes = Diagnoser.Rank(run, "example", null, [], null, []).Causes;
        var at = causes.Select((c, i) => (c.RuleId, Place: i + 1)).FirstOrDefault(c => c.RuleId == id).Place;
        if (at != rank)
        {
            var ranking = string.Join(" > ", causes.Select(c => c.RuleId));
            yield return $"rank: expected {rank}, actual {(at == 0 ? "not ranked" : at.ToString(System.Globalization.CultureInfo.InvariantCulture))} ({ranking})";
        }
    }

    private static IEnumerable<string> CaptureProblems(ExampleModel example, List<FiredRule> own)
    {
        foreach (var (path, expected) in example.Captures)
        {
            var found = own.Select(f => f.Values.GetValueOrDefault(path.Value)).ToList();
            if (!found.Contains(expected.Value))
            {
                var actual = found.Where(v => v is not null).Distinct().ToList();
                yield return $"capture {path.Value}: expected '{expected.Value}', actual {(actual.Count == 0 ? "no value" : string.Join(" or ", actual.Select(a => $"'{a}'")))}";
            }
        }
    }

    private RuleRun Execute(ExampleModel example)
    {
        if (example.Case is { } casePath)
        {
            using var opened = CaseBundle.Open(RealCaseReader.Read(Path.Combine(rules.Root!, casePath.Value)));
            return rules.Run(opened.Bundle);
        }

        if (example.Bundle is { } path)
        {
            using var bundle = Bundle.Open(Path.Combine(rules.Root!, path.Value));
            return rules.Run(bundle);
        }

        var folder = Directory.CreateTempSubdirectory("kb-example-");
        try
        {
            foreach (var (file, content) in example.Files)
            {
                var target = Path.Combine(folder.FullName, file.Value);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content.Value);
            }

            using var bundle = Bundle.Open(folder.FullName);
            return rules.Run(bundle);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
