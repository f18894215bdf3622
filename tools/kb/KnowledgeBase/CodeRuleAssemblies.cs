using System.Reflection;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>The C# rules of the assemblies --code-rules names (NRules' fluent DSL; docs/engines.md, "C# rules"),
/// as code rules for the YAML rule set. Problems are printed for people and give null.</summary>
internal static class CodeRuleAssemblies
{
    public static IReadOnlyList<CodeRule>? Load(string command, string[]? paths, TextWriter error)
    {
        if (paths is not { Length: > 0 })
        {
            return [];
        }

        var rules = new List<CodeRule>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                error.WriteLine($"kb {command}: --code-rules '{path}' is not a file; give the .dll your C# rules are built into.");
                return null;
            }

            try
            {
                rules.AddRange(FromAssembly(Path.GetFullPath(path)));
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException)
            {
                error.WriteLine($"kb {command}: --code-rules '{path}' cannot be loaded as a .NET assembly: {e.Message} " +
                                "Build it for net10.0 against the KnowledgeEngine and NRules.Fluent versions kb ships.");
                return null;
            }
            catch (Exception e) when (e is Rete.RuleDefinitionException or ArgumentException)
            {
                error.WriteLine($"kb {command}: --code-rules '{path}': {e.Message}");
                return null;
            }
        }

        return rules;
    }

    /// <summary>Apart, so that a run without --code-rules never loads the NRules assemblies.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IEnumerable<CodeRule> FromAssembly(string path) =>
        NRules.Fluent.FluentRules.FromAssembly(Assembly.LoadFrom(path)).Select(CodeRule.Of).ToList();
}
