namespace KnowledgeEngine.Facts.Layouts;

/// <summary>OpenShift must-gather: namespaces/ plus cluster-scoped-resources/ (insights-core's markers).</summary>
internal sealed class MustGatherLayout : BundleLayout
{
    public override string Name => "must-gather";
    public override string? Platform => "kubernetes";

    public override bool Recognise(LayoutContext context) =>
        context.Any("**/cluster-scoped-resources/**") && context.Any("**/namespaces/**");

    public override FileRole? RoleOf(string path) =>
        path.EndsWith(".yaml", StringComparison.Ordinal) && (path.Contains("namespaces/", StringComparison.Ordinal) || path.Contains("cluster-scoped-resources/", StringComparison.Ordinal))
            ? FileRole.Resource
            : null;
}
