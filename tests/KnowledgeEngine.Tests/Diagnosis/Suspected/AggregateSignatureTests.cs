using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Diagnosis.Suspected;

/// <summary>A confirmed match covers the suspected match of the same signature facts also when a signature is a
/// count: the suspect rule's count and the cause's come from different aggregate nodes, and as objects they differ.</summary>
public sealed class AggregateSignatureTests
{
    private static readonly RuleSet Rules = RuleSet.Load(Path.Combine(RepositoryPaths.Root, "rules"), RepositoryPaths.Root);

    [Fact]
    public void A_node_without_a_machine_is_one_confirmed_cause_not_also_a_suspected_repeat()
    {
        using var bundle = Bundle.Open(Path.Combine(RepositoryPaths.Root, "rules/harvester/examples/upgrade-stuck-node-without-machine/fires"));

        var causes = Diagnoser.Diagnose(Rules, bundle).Causes.Where(c => c.RuleId == "harvester/upgrade-stuck-node-without-machine").ToList();

        var cause = Assert.Single(causes);
        Assert.Equal((CauseStatus.Confirmed, 1), (cause.Status, cause.Repeats));
    }
}
