using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace CSharpRules.Example;

/// <summary>Reads the kubelet versions of Node objects and applies the Kubernetes version skew policy, which
/// the rule language cannot (it has no version arithmetic): a kubelet must not be newer than the API server
/// and may be at most three minor versions older (two before Kubernetes 1.28). The control plane's own
/// kubelet stands for its API server's version, as on Harvester and Talos, where both upgrade together.</summary>
public static partial class KubeletVersions
{
    public const string ControlPlaneLabel = "metadata.labels['node-role.kubernetes.io/control-plane']";

    /// <summary>A Node object with the control-plane role label, or a row of a pasted <c>kubectl get nodes</c> table whose ROLES name it.</summary>
    public static bool IsControlPlane(ResourceFact node) =>
        node.GetString(ControlPlaneLabel) == "true"
        || (node.GetString("roles") ?? "").Split(',').Any(role => role is "control-plane" or "master");

    /// <summary>"v1.31.4+rke2r1" → (1, 31); null for what is not a version.</summary>
    public static (int Major, int Minor)? Parse(string? version)
    {
        var match = VersionPattern().Match(version ?? "");
        return match.Success
            ? (int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>The kubelet's version: the Node object's, or the VERSION column of a <c>kubectl get nodes</c> row.</summary>
    public static string? KubeletOf(ResourceFact node) => node.GetString("status.nodeInfo.kubeletVersion") ?? node.GetString("version");

    /// <summary>How the node's kubelet breaks the policy against the control-plane node's, or null when it does not.</summary>
    public static string? Problem(ResourceFact controlPlane, ResourceFact node)
    {
        if (Parse(KubeletOf(controlPlane)) is not { } server || Parse(KubeletOf(node)) is not { } kubelet || server.Major != kubelet.Major)
        {
            return null;
        }

        var allowed = server.Minor >= 28 ? 3 : 2;
        return kubelet.Minor > server.Minor ? "newer than"
            : server.Minor - kubelet.Minor > allowed ? $"more than {allowed} minor versions older than"
            : null;
    }

    public static DerivedFact Skew(ResourceFact controlPlane, ResourceFact node) => new("kubelet_version_skew", new Dictionary<string, string>
    {
        ["node"] = node.Name ?? "",
        ["kubelet"] = KubeletOf(node) ?? "",
        ["problem"] = Problem(controlPlane, node) ?? "",
        ["control_plane"] = controlPlane.Name ?? "",
        ["control_plane_kubelet"] = KubeletOf(controlPlane) ?? "",
    });

    [GeneratedRegex(@"^v?(\d+)\.(\d+)")]
    private static partial Regex VersionPattern();
}
