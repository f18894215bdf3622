using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Running;

/// <summary>
/// Runs the examples of the loaded rules. Each example's facts (inline files written as a small
/// bundle, or a bundle path) go through the real bundle reader and scanner, then through every
/// loaded rule at once, so a rule that also fires on another rule's example shows up as overlap.
/// </summary>
internal sealed class ExampleRunner(RuleSet rules)
{
    public IEnumerable<ExampleResult> RunAll() =>
        rules.Rules.SelectMany(rule => rule.Examples.Select(example => Run(rule, example)));

    public ExampleResult Run(RuleModel rule, ExampleModel example)
    {
        RuleRun run;
        try
        {
            run = Execute(example);
        }
        catch (BundleException e)
        {
            return new ExampleResult(rule, example, [], [$"the example's facts cannot be read: {e.Message}"]);
        }

        var id = rule.Name;
        var fired = run.Fired.Select(f => f.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var problems = new List<string>();
        var own = run.Fired.Where(f => f.Id == id).ToList();
        var expectFires = example.Expect?.Value != ExampleExpectation.Silent;
        if (expectFires != own.Count > 0)
        {
            problems.Add($"expected: {(expectFires ? "fires" : "silent")}, actual: {(own.Count > 0 ? $"fires ({own.Count} match{(own.Count > 1 ? "es" : "")})" : "silent")}");
        }

        if (own.Count > 0)
        {
            problems.AddRange(CaptureProblems(example, own));
        }

        var also = example.Also.Select(a => a.Value).ToHashSet(StringComparer.Ordinal);
        var overlaps = expectFires ? fired.Where(f => f != id && !also.Contains(f)).ToList() : [];
        problems.AddRange(overlaps.Select(o => $"overlap: {o} fires on this example too — if that is right, add also: [{o}] to the example; otherwise tighten one of the two rules"));
        problems.AddRange(also.Where(a => !fired.Contains(a)).Select(a => $"also lists {a}, but it did not fire"));
        return new ExampleResult(rule, example, fired, problems) { Overlaps = overlaps };
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
        if (example.Bundle is { } path)
        {
            using var bundle = Bundle.Open(Path.Combine(rules.Root ?? ".", path.Value));
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
