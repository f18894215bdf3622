using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>
/// The rules and articles embedded in kb, read as text straight from the assembly: nothing is written
/// to disk. The rules' example bundles and the real cases are not shipped (they are test data, 2.2 MB);
/// kb carries only their paths (<c>example-index.txt</c>, written by the build), so that loading the
/// built-in rules still checks that every example names a bundle or case that exists.
/// </summary>
internal static class BuiltInKnowledge
{
    private const string Prefix = "kb/";
    private const string ExampleIndex = "example-index.txt";

    /// <summary>The built-in rule files, named rules/&lt;platform&gt;/&lt;file&gt;.yaml.</summary>
    public static IEnumerable<RuleSource> Rules() =>
        Embedded("rules/").Select(name => new RuleSource(name, Text(name)));

    /// <summary>The file beside kb.dll that holds the built-in rules read ahead of time (<see cref="RuleSnapshot"/>).</summary>
    public const string SnapshotFile = "kb.rules.snapshot";

    /// <summary>What ties a snapshot to this build of kb: its module id, which changes with every change to kb,
    /// its embedded rules included.</summary>
    public static string BuildKey => typeof(BuiltInKnowledge).Assembly.ManifestModule.ModuleVersionId.ToString();

    /// <summary>The built-in rule files as a diagnosis loads them: from the snapshot the build wrote beside kb.dll
    /// when there is one of this build, else from the embedded YAML files, without their examples and validation.</summary>
    public static IEnumerable<RuleSource> DiagnosisRules(string? snapshot = null)
    {
        snapshot ??= Path.Combine(AppContext.BaseDirectory, SnapshotFile);
        try
        {
            using var stream = File.OpenRead(snapshot);
            if (RuleSnapshot.Read(stream, BuildKey) is { } read)
            {
                return read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No snapshot (dotnet test, a kb published for another machine): the YAML files are read instead.
        }

        return Rules().Select(s => s.AsBuiltInForDiagnosis());
    }

    /// <summary>The built-in articles, by path relative to knowledge/.</summary>
    public static IEnumerable<(string Path, string Text)> Articles() =>
        Embedded("knowledge/").Select(name => (name["knowledge/".Length..], Text(name)));

    /// <summary>Every shipped path (rules, articles) and the paths of the example bundles and real
    /// cases, for the load-time checks.</summary>
    public static KnowledgeCatalog Catalog() =>
        KnowledgeCatalog.OfPaths(Embedded("rules/").Concat(Embedded("knowledge/")).Concat(ExamplePaths()));

    private static IEnumerable<string> ExamplePaths() =>
        Text(ExampleIndex).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> Embedded(string under) =>
        typeof(BuiltInKnowledge).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + under, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal);

    private static string Text(string name)
    {
        using var stream = typeof(BuiltInKnowledge).Assembly.GetManifestResourceStream(Prefix + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
