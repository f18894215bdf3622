using KnowledgeEngine.Tests.Reports;

namespace KnowledgeEngine.Tests.Architecture;

/// <summary>The knowledge base's public types are what kb and an embedding program use (README,
/// "Using the library"); everything else is internal. The list is pinned in Golden/public-types.txt,
/// so a type that turns public, or stops being, shows in review (update: KB_UPDATE_GOLDEN=1).</summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void The_public_types_are_the_pinned_list()
    {
        var types = typeof(Diagnostic).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal);

        Golden.Verify("public-types.txt", string.Join("\n", types) + "\n");
    }

    [Fact]
    public void The_engine_below_opens_no_internals_to_the_knowledge_base()
    {
        var opened = typeof(KnowledgeEngine.Rete.RuleCompiler).Assembly
            .GetCustomAttributes(typeof(System.Runtime.CompilerServices.InternalsVisibleToAttribute), false)
            .Cast<System.Runtime.CompilerServices.InternalsVisibleToAttribute>().Select(a => a.AssemblyName);

        Assert.DoesNotContain("KnowledgeEngine", opened);
        Assert.DoesNotContain("kb", opened);
    }
}
