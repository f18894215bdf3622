namespace KnowledgeEngine.Facts;

/// <summary>One setting of a configuration file, addressed by a key path such as "networks[0]" or "vrrp_instance.VI_1.state".</summary>
public sealed record ConfigFact : Fact
{
    public override string Kind => "config";

    public required string Key { get; init; }

    public required string Value { get; init; }
}
