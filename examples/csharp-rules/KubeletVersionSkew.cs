using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using NRules.Fluent.Dsl;

namespace CSharpRules.Example;

/// <summary>Derives kubelet_version_skew for each node whose kubelet a control-plane node's API server does not
/// support (a worker; control-plane nodes differ by a minor version during every rolling upgrade). The YAML rule harvester/kubelet-version-skew reads the fact and says what it means and what to do.</summary>
[Name("harvester/kubelet-version-skew-check")]
[Derives("kubelet_version_skew", "node", "kubelet", "problem", "control_plane", "control_plane_kubelet")]
public sealed class KubeletVersionSkew : Rule
{
    public override void Define()
    {
        ResourceFact controlPlane = null!;
        ResourceFact node = null!;

        When()
            .Match(() => controlPlane, c => c.ResourceKind == "Node" && KubeletVersions.IsControlPlane(c))
            .Match(() => node, n => n.ResourceKind == "Node" && !KubeletVersions.IsControlPlane(n),
                n => KubeletVersions.Problem(controlPlane, n) != null);

        // Yield inserts the fact for as long as the match holds: it goes when either node's object does.
        Then()
            .Yield(_ => KubeletVersions.Skew(controlPlane, node));
    }
}
