using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts;

/// <summary>
/// What operators paste and collect, one shape per fixture under Inputs/ (see <see cref="InputCase"/>
/// for the header): each yields the facts its header states and prints the warnings it states, and
/// none makes a reader throw.
/// </summary>
public sealed class InputCorpusTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "KnowledgeEngine.Tests", "Facts", "Inputs");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.case").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Corpus_has_a_case_per_shape_each_with_expectations()
    {
        var files = Directory.EnumerateFiles(Folder, "*.case").ToList();

        Assert.True(files.Count >= 20, $"only {files.Count} input cases");
        Assert.All(files, f => Assert.NotEmpty(InputCase.Parse(File.ReadAllText(f)).Expectations));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_yields_the_stated_facts_and_warnings(string name)
    {
        // Arrange
        var fixture = InputCase.Parse(File.ReadAllText(Path.Combine(Folder, name)));
        using var folder = new TestBundle();
        var paths = new List<string>();
        MemoryStream? standardInput = null;
        foreach (var (input, content) in fixture.Inputs)
        {
            if (input == "-" || input.StartsWith("-:", StringComparison.Ordinal))
            {
                standardInput = new MemoryStream(content);
                paths.Add(input);
            }
            else
            {
                var file = folder.Path(input);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, content);
                paths.Add(file);
            }
        }

        // Act
        List<JsonElement> facts;
        List<string> warnings;
        string? refusal = null;
        try
        {
            using var bundle = Bundle.Open(paths, standardInput: standardInput is null ? null : () => standardInput);
            var stream = bundle.Scan(ScanPlan.KeepAll);
            facts = stream.Select(ToJson).ToList();
            warnings = stream.Summary.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        }
        catch (BundleException ex)
        {
            refusal = ex.Message;
            facts = [];
            warnings = [];
        }

        // Assert
        var report = $"facts:\n{string.Join('\n', facts.Select(f => f.GetRawText()))}\nwarnings:\n{string.Join('\n', warnings)}\nrefused: {refusal}";
        foreach (var (directive, argument) in fixture.Expectations)
        {
            switch (directive)
            {
                case "fact":
                    Assert.True(facts.Any(f => Matches(f, argument)), $"no fact {argument}\n{report}");
                    break;
                case "no-fact":
                    Assert.False(facts.Any(f => Matches(f, argument)), $"unexpected fact {argument}\n{report}");
                    break;
                case "count":
                    var (kind, count) = (argument[..argument.IndexOf('=')], int.Parse(argument[(argument.IndexOf('=') + 1)..]));
                    Assert.True(facts.Count(f => f.GetProperty("kind").GetString() == kind) == count, $"expected {count} {kind} facts\n{report}");
                    break;
                case "warning":
                    Assert.True(warnings.Any(w => w.Contains(argument, StringComparison.Ordinal)), $"no warning containing '{argument}'\n{report}");
                    break;
                case "warnings":
                    Assert.True(warnings.Count == int.Parse(argument), $"expected {argument} warnings\n{report}");
                    break;
                case "error":
                    Assert.True(refusal is not null && refusal.Contains(argument, StringComparison.Ordinal), $"expected refusal '{argument}'\n{report}");
                    break;
            }
        }
        if (!fixture.Expectations.Any(e => e.Directive == "error"))
        {
            Assert.True(refusal is null, $"refused: {refusal}");
        }
    }

    private static bool Matches(JsonElement fact, string argument)
    {
        var (kind, conditions) = InputCase.Pattern(argument);
        if (fact.GetProperty("kind").GetString() != kind)
        {
            return false;
        }

        foreach (var (path, contains, value) in conditions)
        {
            if (Resolve(fact, path) is not { } actual)
            {
                if (value != "null")
                {
                    return false;
                }

                continue;
            }
            var text = actual.ValueKind == JsonValueKind.String ? actual.GetString()! : actual.GetRawText();
            if (contains ? !text.Contains(value, StringComparison.Ordinal) : text != value)
            {
                return false;
            }
        }
        return true;
    }

    private static JsonElement? Resolve(JsonElement element, string path)
    {
        foreach (var step in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
            {
                return null;
            }
        }
        return element.ValueKind == JsonValueKind.Null ? null : element;
    }

    private static JsonElement ToJson(Fact fact)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            FactJsonWriter.Write(writer, fact);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
