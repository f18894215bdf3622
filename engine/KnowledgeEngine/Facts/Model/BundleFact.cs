namespace KnowledgeEngine.Facts;

/// <summary>What the bundle says about itself: its kind, the platform, the hosts and when it was collected.</summary>
public sealed record BundleFact : Fact
{
    public override string Kind => "bundle";

    /// <summary>plain, harvester, talos, sosreport, kubectl, cloudpods, cloudstack, manifest-declared names.</summary>
    public required string Layout { get; init; }

    /// <summary>harvester, talos, kubernetes, cloudpods, cloudstack, linux — or null when nothing points to one.</summary>
    public string? Platform { get; init; }

    public IReadOnlyList<string> Hosts { get; init; } = [];

    public DateTimeOffset? CollectedAt { get; init; }

    /// <summary>Offset applied to timestamps written without a zone; UTC unless the bundle states otherwise.</summary>
    public TimeSpan TimeZone { get; init; }
}
