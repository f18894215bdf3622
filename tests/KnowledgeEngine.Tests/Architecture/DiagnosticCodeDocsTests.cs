using System.Reflection;

namespace KnowledgeEngine.Tests.Architecture;

/// <summary>Every diagnostic code a layer can report is listed in the document its users read:
/// rule loading in rule-language.md, bundle reading in facts.md, running rules in output.md.</summary>
public sealed class DiagnosticCodeDocsTests
{
    public static TheoryData<string, string> CodeTables() => new()
    {
        { "KnowledgeEngine.Rules.Loading.LoaderCodes", "rule-language.md" },
        { "KnowledgeEngine.Facts.BundleCodes", "facts.md" },
        { "KnowledgeEngine.Rules.RunCodes", "output.md" },
    };

    [Theory]
    [MemberData(nameof(CodeTables))]
    public void Every_code_is_documented(string type, string document)
    {
        var codes = typeof(Diagnostic).Assembly.GetType(type, throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!).ToList();
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", document));

        var undocumented = codes.Where(c => !text.Contains(c, StringComparison.Ordinal) && !InRange(text, c)).ToList();

        Assert.NotEmpty(codes);
        Assert.True(undocumented.Count == 0, $"docs/{document} does not list {string.Join(", ", undocumented)}");
    }

    /// <summary>Lint warnings are documented as a range such as KB050–KB059.</summary>
    private static bool InRange(string text, string code) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"KB(\d{3})–KB(\d{3})").Any(m =>
            int.Parse(m.Groups[1].Value) <= int.Parse(code[2..]) && int.Parse(code[2..]) <= int.Parse(m.Groups[2].Value));
}
