using KnowledgeEngine.Facts;
using KnowledgeEngine.Tests.Facts;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>A log condition's <c>fields.NAME</c> matches a structured field however the component rendered
/// it: a JSON line, logfmt, klog's key=value tail, zap's console bag or Talos's console bag.</summary>
public sealed class FieldRenderingTests : IDisposable
{
    private readonly TestBundle _disk = new();

    public void Dispose() => _disk.Dispose();

    private int Fired(string line)
    {
        var rule = TempRules.Minimal("kubernetes/node-lost",
            when: "  - log: { contains: 'node lost', where: 'fields.node == \"worker-3\" and fields.attempt == \"2\"' }\n    as: lost\n");
        var rules = RuleHarness.Load(rule);
        using var bundle = Bundle.Open(_disk.Folder("b", new() { ["logs/controller.log"] = line + "\n" }));
        return rules.Run(bundle).Fired.Count;
    }

    [Theory]
    [InlineData("{\"level\":\"error\",\"ts\":\"2024-03-09T10:00:00Z\",\"msg\":\"node lost\",\"node\":\"worker-3\",\"attempt\":2}")]
    [InlineData("time=\"2024-03-09T10:00:00Z\" level=error msg=\"node lost\" node=worker-3 attempt=2")]
    [InlineData("E0309 10:00:00.000000       1 controller.go:120] \"node lost\" node=\"worker-3\" attempt=2")]
    [InlineData("2024-03-09T10:00:00.000Z\terror\tcontroller/controller.go:120\tnode lost\t{\"node\": \"worker-3\", \"attempt\": 2}")]
    [InlineData("[talos] 2024/03/09 10:00:00 node lost {\"component\": \"controller-runtime\", \"node\": \"worker-3\", \"attempt\": 2}")]
    public void A_field_condition_matches_every_rendering_of_the_field(string line)
    {
        Assert.Equal(1, Fired(line));
    }
}
