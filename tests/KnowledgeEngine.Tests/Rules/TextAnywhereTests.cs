using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Facts;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>`anywhere: true` log conditions match message text wherever it was collected: log records
/// and the text values of resources, configs and tables; plain log conditions keep seeing records only.</summary>
public sealed class TextAnywhereTests : IDisposable
{
    private const string ErrorBody = """
        {
          "error": {
            "code": 409,
            "message": "Conflict: duplicate manager_uri https://10.0.0.7:8885"
          }
        }
        """;

    private readonly TestBundle _disk = new();

    public void Dispose() => _disk.Dispose();

    private static string Rule(string condition) =>
        TempRules.Minimal("cloudpods/conflict", when: $"  - log: {condition}\n    as: conflict\n");

    private RuleRun Run(string condition, Dictionary<string, string> files)
    {
        var rules = RuleHarness.Load(Rule(condition));
        using var bundle = Bundle.Open(_disk.Folder("b", files));
        return rules.Run(bundle);
    }

    [Fact]
    public void Anywhere_matches_a_message_inside_a_saved_api_error_body()
    {
        var run = Run("{ contains: duplicate manager_uri, anywhere: true }",
            new() { ["api/host-register.json"] = ErrorBody, ["logs/host.log"] = "started\n" });

        var fired = Assert.Single(run.Fired);
        var value = Assert.IsType<LogFact>(Assert.Single(fired.Facts, f => f.Name == "conflict").Fact);
        Assert.Equal((LogFact.ValueFormat, "error.message", "api/host-register.json:4"), (value.Format, value.Component, value.Location));
    }

    [Fact]
    public void Anywhere_regex_captures_from_a_kubernetes_condition_message()
    {
        var pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: host-agent\nstatus:\n  conditions:\n  - type: Ready\n" +
                  "    message: 'register failed: duplicate manager_uri https://10.0.0.9:8885'\n";

        var run = Run("{ regex: 'duplicate manager_uri https://(?<ip>[0-9.]+)', anywhere: true }", new() { ["pods.yaml"] = pod });

        var fired = Assert.Single(run.Fired);
        Assert.Equal("10.0.0.9", fired.Values["conflict.ip"]);
    }

    [Fact]
    public void A_plain_log_condition_does_not_see_values()
    {
        var run = Run("{ contains: duplicate manager_uri }", new() { ["api/host-register.json"] = ErrorBody });

        Assert.Empty(run.Fired);
    }

    [Fact]
    public void Anywhere_still_matches_log_records()
    {
        var run = Run("{ contains: duplicate manager_uri, anywhere: true }",
            new() { ["logs/host.log"] = "[E 240301 10:00:00 hostinfo.go:1012] register failed: duplicate manager_uri https://10.0.0.7:8885\n" });

        var fired = Assert.Single(run.Fired);
        Assert.Equal("cloudpods", Assert.IsType<LogFact>(Assert.Single(fired.Facts, f => f.Name == "conflict").Fact).Format);
    }

    [Fact]
    public void Only_the_patterns_of_anywhere_conditions_are_matched_against_values()
    {
        var rules = RuleHarness.Load(TempRules.Minimal("cloudpods/conflict",
            when: "  - log: { contains: duplicate manager_uri, anywhere: true }\n    as: conflict\n",
            extra: "evidence:\n  - log: { contains: 'Conflict:' }\n    weight: 0.2\n    collect: cat logs/host.log\n"));
        using var bundle = Bundle.Open(_disk.Folder("b", new() { ["api/host-register.json"] = ErrorBody }));

        var values = bundle.Scan(rules.ScanPlan).OfType<LogFact>().Where(f => f.Format == LogFact.ValueFormat).ToList();

        var value = Assert.Single(values);
        var literal = Assert.Single(value.Matched);
        Assert.Equal("duplicate manager_uri", rules.ScanPlan.Patterns.Single(p => p.Id == literal).Text);
    }
}
