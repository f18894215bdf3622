using KnowledgeEngine.Diagnosis.Examples;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>A config condition with absent: true holds when the file was read and no entry matches,
/// as absent resources and files do.</summary>
public sealed class ConfigAbsentTests
{
    private const string Rule = """
        id: test/no-networks-entry
        title: host.conf names no networks
        platform: test
        severity: high
        when:
          - file: { path: '**/host.conf' }
            as: conf
          - config: { file: '**/host.conf', key: 'networks[0]', absent: true }
        cause: { summary: host.conf has no networks entry, confidence: 0.6 }
        examples:
          - name: host.conf without networks
            expect: fires
            files:
              etc/yunion/host.conf: |
                region: Yunion
                port: 8885
          - name: host.conf with a networks entry
            expect: silent
            files:
              etc/yunion/host.conf: |
                networks:
                  - br0/10.20.30.17
          - name: no host.conf collected
            expect: silent
            files:
              logs/host.log: "started"
        """;

    [Fact]
    public void Absent_config_entry_fires_only_where_the_file_lacks_it()
    {
        var rules = RuleSet.Load([new RuleSource("rules/test/no-networks-entry.yaml", Rule)], null);
        Assert.False(rules.HasErrors, string.Join('\n', rules.Diagnostics));

        var results = new ExampleRunner(rules).RunAll().ToList();

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Name}: {string.Join("; ", r.Problems)}"));
    }
}
