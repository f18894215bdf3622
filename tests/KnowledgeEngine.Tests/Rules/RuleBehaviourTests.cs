using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>Joins, captures, evidence, derived facts and counts, run through the engine.</summary>
public sealed class RuleBehaviourTests
{
    private const string MacRule = """
        id: test/mac
        title: t
        platform: test
        severity: high
        when:
          - log: { regex: 'conflict on (?<ip>[0-9.]+)' }
            as: conflict
          - resource: { kind: host, where: 'access_ip == conflict.ip' }
            as: host
        evidence:
          - log: { regex: 'MAC: (?<mac>[0-9a-f:]+)', where: 'mac != host.access_mac' }
            as: seen
            weight: 0.4
            collect: ip -br link
        against:
          - log: { contains: 'multiple hosts' }
            weight: 0.5
        cause: { summary: s, confidence: 0.7 }
        fix:
          - 'climc host-remove-netif {{ host.id }} {{ host.access_mac }} then add {{ seen.mac }}'
        derive: { fact: host_changed, ip: '{{ conflict.ip }}' }
        """;

    private const string HostRule = """
        id: test/host
        title: t
        platform: test
        severity: high
        when:
          - log: { contains: 'disk full' }
            as: line
          - resource: { kind: host, where: 'name == line.host' }
            as: host
        cause: { summary: s, confidence: 0.7 }
        """;

    [Fact]
    public void Run_JoinOfTwoTextFields_IsOrdinalAndMissingMatchesOnlyMissing()
    {
        // Two Any-typed text fields compile to string == (hash-joined); it must still mean what the dynamic
        // comparison meant: ordinal, and a missing value equal only to a missing value.
        var rules = RuleHarness.Load(HostRule);
        var onNode7 = RuleHarness.Log("disk full") with { Host = "node-7" };
        var onNoHost = RuleHarness.Log("disk full", line: 2);

        var run = rules.Run([
            onNode7, onNoHost,
            RuleHarness.Resource("host", """{"name":"node-7"}"""),
            RuleHarness.Resource("host", """{"name":"NODE-7"}"""),
            RuleHarness.Resource("host", """{"id":"nameless"}"""),
        ]);

        var pairs = run.Fired.Select(f => (Line: f.Facts[0].Fact, Host: ((ResourceFact)f.Facts[1].Fact).Object.ToString())).ToList();
        Assert.Equal(2, pairs.Count);
        Assert.Contains((onNode7, """{"name":"node-7"}"""), pairs.Select(p => ((object)p.Line, p.Host)));
        Assert.Contains((onNoHost, """{"id":"nameless"}"""), pairs.Select(p => ((object)p.Line, p.Host)));
    }

    [Fact]
    public void Run_JoinOnCapture_FiresOncePerMatchingHost()
    {
        var rules = RuleHarness.Load(MacRule);

        var run = rules.Run([
            RuleHarness.Log("conflict on 10.0.0.7", line: 12),
            RuleHarness.Resource("host", """{"id":"h7","access_ip":"10.0.0.7","access_mac":"aa:aa"}"""),
            RuleHarness.Resource("host", """{"id":"h8","access_ip":"10.0.0.8","access_mac":"bb:bb"}"""),
        ]);

        var fired = Assert.Single(run.Fired);
        Assert.Equal("test/mac", fired.Id);
        Assert.Equal("10.0.0.7", fired.Values["conflict.ip"]);
        Assert.Equal(["conflict: logs/host.log:12", "host: api/hosts.json:1"], fired.Facts.Select(f => f.ToString()));
    }

    [Fact]
    public void Run_EvidenceFound_ReportsItsFactAndFillsTheFix()
    {
        var rules = RuleHarness.Load(MacRule);

        var run = rules.Run([
            RuleHarness.Log("conflict on 10.0.0.7"),
            RuleHarness.Log("MAC: cc:cc", line: 3),
            RuleHarness.Resource("host", """{"id":"h7","access_ip":"10.0.0.7","access_mac":"aa:aa"}"""),
        ]);

        var fired = Assert.Single(run.Fired);
        var evidence = Assert.Single(fired.Evidence);
        Assert.True(evidence.Found);
        Assert.Equal("logs/host.log:3", Assert.Single(evidence.Facts).Location);
        Assert.False(Assert.Single(fired.Against).Found);
        Assert.Equal("climc host-remove-netif h7 aa:aa then add cc:cc", Assert.Single(fired.Fix));
    }

    [Fact]
    public void Run_TwoMatches_EachGetsOnlyTheEvidenceOfItsOwnFacts()
    {
        var rules = RuleHarness.Load(MacRule);

        var run = rules.Run([
            RuleHarness.Log("conflict on 10.0.0.7", line: 1),
            RuleHarness.Log("conflict on 10.0.0.8", line: 2),
            RuleHarness.Log("MAC: aa:aa", line: 3), // the old MAC of h7, so evidence only for h8
            RuleHarness.Resource("host", """{"id":"h7","access_ip":"10.0.0.7","access_mac":"aa:aa"}"""),
            RuleHarness.Resource("host", """{"id":"h8","access_ip":"10.0.0.8","access_mac":"bb:bb"}"""),
        ]);

        var byHost = run.Fired.ToDictionary(f => f.Values["host.id"]);
        Assert.Equal(2, byHost.Count);
        Assert.False(Assert.Single(byHost["h7"].Evidence).Found);
        Assert.Equal("climc host-remove-netif h7 aa:aa then add <seen.mac>", Assert.Single(byHost["h7"].Fix));
        var h8 = Assert.Single(byHost["h8"].Evidence);
        Assert.True(h8.Found);
        Assert.Equal("logs/host.log:3", Assert.Single(h8.Facts).Location);
        Assert.Equal("climc host-remove-netif h8 bb:bb then add aa:aa", Assert.Single(byHost["h8"].Fix));
    }

    [Fact]
    public void Run_RegexIsTriedOnlyOnRecordsHoldingTheConditionsLiteral()
    {
        const string pattern = @"quota (?<used>\d+) of (?<limit>\d+) reached";
        var rules = RuleHarness.Load($$"""
            id: test/quota
            title: t
            platform: test
            severity: high
            when:
              - log: { regex: '{{pattern}}', contains: 'quota-probe' }
            cause: { summary: s, confidence: 0.7 }
            """);

        var run = rules.Run([RuleHarness.Log("quota 9 of 10 reached, without the literal")]);

        Assert.Empty(run.Fired);
        Assert.False(LazyRegex.Get(pattern).IsBuilt);
    }

    [Fact]
    public void Run_CauseSummaryAndDetail_AreFilledWithTheMatchsValues()
    {
        var rules = RuleHarness.Load("""
            id: test/full
            title: t
            platform: test
            severity: high
            when:
              - log: { regex: 'write (?<path>\S+): No space left on device' }
                as: full
            cause: { summary: 'The disk holding {{ full.path }} is full', detail: 'Seen at {{ full.source }}', confidence: 0.8 }
            """);

        var fired = Assert.Single(rules.Run([RuleHarness.Log("write /var/lib/etcd: No space left on device")]).Fired);

        Assert.Equal("The disk holding /var/lib/etcd is full", fired.Summary);
        Assert.Equal("Seen at logs/host.log", fired.Detail);
    }

    [Fact]
    public void Load_CauseSummaryWithAnUnknownPlaceholder_IsAnError()
    {
        using var folder = new TempRules();
        var rules = RuleSet.Load(folder.Write("r.yaml", """
            id: test/full
            title: t
            platform: test
            severity: high
            when:
              - log: { regex: 'write (?<path>\S+): No space' }
                as: full
            cause: { summary: 'The disk holding {{ full.pth }} is full', confidence: 0.8 }
            """), RepositoryPaths.Root);

        var error = Assert.Single(rules.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("KB016", error.Code);
        Assert.Contains("the cause summary uses '{{ full.pth }}'", error.Message);
    }

    [Fact]
    public void Run_EvidenceMissing_LeavesItsPlaceholderVisible()
    {
        var rules = RuleHarness.Load(MacRule);

        var run = rules.Run([
            RuleHarness.Log("conflict on 10.0.0.7"),
            RuleHarness.Log("MAC: aa:aa"),
            RuleHarness.Resource("host", """{"id":"h7","access_ip":"10.0.0.7","access_mac":"aa:aa"}"""),
        ]);

        var fired = Assert.Single(run.Fired);
        Assert.False(Assert.Single(fired.Evidence).Found);
        Assert.Equal("ip -br link", fired.Evidence[0].Collect);
        Assert.Equal("climc host-remove-netif h7 aa:aa then add <seen.mac>", Assert.Single(fired.Fix));
    }

    [Fact]
    public void Run_Derive_ChainsIntoAnotherRuleAndRetractsWithItsSupport()
    {
        var consumer = TempRules.Minimal("test/consumer", "  - fact: { name: host_changed, where: \"ip == '10.0.0.7'\" }\n    as: changed\n",
            "fix: ['check {{ changed.ip }}']\n");
        var rules = RuleHarness.Load(MacRule, consumer);
        var conflict = RuleHarness.Log("conflict on 10.0.0.7");
        var host = RuleHarness.Resource("host", """{"id":"h7","access_ip":"10.0.0.7","access_mac":"aa:aa"}""");

        var run = rules.Run([conflict, host]);

        Assert.Equal(["test/consumer", "test/mac"], run.Fired.Select(f => f.Id).Order());
        Assert.Equal("check 10.0.0.7", run.Fired.Single(f => f.Id == "test/consumer").Fix[0]);
        Assert.Equal("host_changed(ip=10.0.0.7)", Assert.Single(run.Derived).ToString());
        Assert.Empty(rules.Run([conflict]).Derived);
    }

    [Fact]
    public void Run_CountWithinWindow_NeedsEnoughRecordsCloseTogether()
    {
        var rules = RuleHarness.Load(TempRules.Minimal("test/flap",
            "  - log: { contains: 'link down' }\n    count: { at_least: 3, within: 1m }\n    as: downs\n", "fix: ['{{ downs.count }} flaps']\n"));
        var start = new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
        LogFact Down(int seconds, int line) => RuleHarness.Log("eth0 link down", line: line, time: start.AddSeconds(seconds));

        var spread = rules.Run([Down(0, 1), Down(50, 2), Down(120, 3)]);
        var dense = rules.Run([Down(0, 1), Down(20, 2), Down(40, 3), Down(300, 4)]);

        Assert.Empty(spread.Fired);
        var fired = Assert.Single(dense.Fired);
        Assert.Equal("3 flaps", fired.Fix[0]);
        Assert.Equal(3, fired.Facts.Count);
    }

    [Fact]
    public void Run_AbsentFile_HoldsOnlyWhenTheBundleIsKnownAndTheFileMissing()
    {
        var rules = RuleHarness.Load(TempRules.Minimal("test/noconf", "  - file: { path: '**/host.conf', absent: true }\n"));
        var conf = new FileFact { Source = "node/etc/yunion/host.conf" };

        Assert.Single(rules.Run([RuleHarness.Bundle()]).Fired);
        Assert.Empty(rules.Run([RuleHarness.Bundle(), conf]).Fired);
        Assert.Empty(rules.Run([]).Fired);
    }

    [Fact]
    public void Run_AbsentResource_HoldsForEachNodeNoMachineNamesAndNotBeforeTheBundleIsRead()
    {
        var rules = RuleHarness.Load(TempRules.Minimal("test/orphan", """
              - resource: { kind: Node }
                as: node
              - resource: { kind: Machine, absent: true, where: 'status.nodeRef.name == node.name' }

            """, "fix: ['rebuild {{ node.name }}']\n"));
        Fact[] nodes = [RuleHarness.Resource("Node", """{"name":"srv08"}"""), RuleHarness.Resource("Node", """{"name":"srv09"}""")];
        var machine = RuleHarness.Resource("Machine", """{"name":"custom-3d","status":{"nodeRef":{"name":"srv08"}}}""");
        var otherRef = RuleHarness.Resource("Machine", """{"name":"custom-4e","status":{"nodeRef":{"name":"srv10"}}}""");

        var fired = Assert.Single(rules.Run([RuleHarness.Bundle(), .. nodes, machine, otherRef]).Fired);
        Assert.Equal("rebuild srv09", fired.Fix[0]);
        Assert.Equal(2, rules.Run([RuleHarness.Bundle(), .. nodes]).Fired.Count);
        Assert.Empty(rules.Run([.. nodes]).Fired);
    }

    [Fact]
    public void Run_BundleReference_JoinsTheBundleFact()
    {
        var rules = RuleHarness.Load(TempRules.Minimal("test/plat", "  - log: { contains: 'x', where: \"bundle.platform == 'talos'\" }\n"));

        Assert.Empty(rules.Run([RuleHarness.Bundle("cloudpods"), RuleHarness.Log("x")]).Fired);
        Assert.Single(rules.Run([RuleHarness.Bundle("talos"), RuleHarness.Log("x")]).Fired);
    }

    [Fact]
    public void ScanPlan_HoldsEachDistinctLiteralOnce()
    {
        var rules = RuleHarness.Load(MacRule, TempRules.Minimal("test/b", "  - log: { contains: 'multiple hosts' }\n"));

        Assert.Equal(["MAC: (?<mac>[0-9a-f:]+)", "conflict on (?<ip>[0-9.]+)", "multiple hosts"], rules.ScanPlan.Patterns.Select(p => p.Text).Order(StringComparer.Ordinal));
        Assert.False(rules.ScanPlan.KeepsAllRecords);
    }
}
