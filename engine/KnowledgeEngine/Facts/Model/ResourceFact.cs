using System.Text.Json;

namespace KnowledgeEngine.Facts;

/// <summary>An API object (Kubernetes, Talos resource, climc row, CloudStack response item) kept whole as JSON.</summary>
public sealed record ResourceFact : Fact
{
    public override string Kind => "resource";

    /// <summary>The object's kind as written (Node, Pod, router, host, KernelParamStatuses...).</summary>
    public required string ResourceKind { get; init; }

    public string? Name { get; init; }

    public string? Namespace { get; init; }

    public string? ApiVersion { get; init; }

    /// <summary>The API group of <see cref="ApiVersion"/> (<c>cluster.x-k8s.io</c> of <c>cluster.x-k8s.io/v1beta1</c>);
    /// empty for the core group (<c>v1</c>), null when the source gives no apiVersion (a table, a climc row).</summary>
    public string? ApiGroup => GroupOf(ApiVersion);

    /// <summary>Whether an object of <paramref name="apiVersion"/> belongs to API group <paramref name="group"/>.</summary>
    public static bool InApiGroup(string? apiVersion, string group) => GroupOf(apiVersion) == group;

    private static string? GroupOf(string? apiVersion) =>
        apiVersion is null ? null : apiVersion.LastIndexOf('/') is var slash and >= 0 ? apiVersion[..slash] : "";

    /// <summary>The object; collector placeholders such as Harvester's "null" string are already JSON null.</summary>
    public required JsonElement Object { get; init; }

    /// <summary>Reads a dotted path such as "status.conditions", "spec.roles[0]" or "metadata.labels['kubernetes.io/hostname']".</summary>
    public bool TryGet(string path, out JsonElement value) => JsonFieldPath.TryResolve(Object, path, out value);

    /// <summary>The value at <paramref name="path"/> as text: strings unquoted, other values as raw JSON; null when absent or null.</summary>
    public string? GetString(string path)
    {
        if (!TryGet(path, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }
}
