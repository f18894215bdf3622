using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Loading;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules;

/// <summary>
/// Rule files read ahead of time, for a diagnosis: each file's model (its examples left out) and text, and the
/// prefilter literals and group names of every regex, in a binary form that loads without YAML (every string once, in a
/// table). kb writes one for its built-in rules when it is built and reads it in <c>kb diagnose</c>: reading the 157
/// YAML files and extracting the literals of their 269 regexes were 150–200 ms of a 250 ms load (docs/benchmarks.md). A snapshot holds files that loaded
/// without errors only, and is tied to a key (kb uses its build's module id): a snapshot of other rules is not read.
/// </summary>
public static class RuleSnapshot
{
    /// <summary>Reads <paramref name="sources"/> as a diagnosis does and writes their snapshot under <paramref name="key"/>.</summary>
    /// <exception cref="InvalidOperationException">A file has errors: a snapshot holds only rules that load cleanly.</exception>
    public static void Write(IEnumerable<RuleSource> sources, string key, Stream output)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(output);
        var loader = new RuleSetLoader(null, []);
        var read = loader.Read(sources.Select(s => s.AsBuiltInForDiagnosis()));
        if (loader.Bag.Items.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InvalidOperationException($"a rule file has errors, so no snapshot was written: {error}");
        }

        var writer = new SnapshotWriter();
        writer.List(read, r =>
        {
            writer.String(r.File.Path);
            writer.String(r.File.Text);
            writer.Rule(r.Model);
        });
        var patterns = read.SelectMany(r => r.Model.Conditions)
            .Select(c => c.Property("regex")?.Value).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        writer.List(patterns, p =>
        {
            writer.String(p);
            writer.Strings(RegexLiterals.From(p));
            writer.Strings(RegexLiterals.AlsoRequired(p));
            writer.Strings(LazyRegex.Get(p).GroupNames);
        });
        using var binary = new BinaryWriter(output, System.Text.Encoding.UTF8, leaveOpen: true);
        binary.Write(Magic);
        binary.Write(key);
        writer.CopyTo(binary);
    }

    /// <summary>The files of a snapshot written under <paramref name="key"/>, as sources a diagnosis loads (each already
    /// read); null when the snapshot was written under another key or by another version, or is damaged, so that the
    /// caller reads the YAML files instead.</summary>
    public static IReadOnlyList<RuleSource>? Read(Stream input, string key)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var binary = new BinaryReader(input, System.Text.Encoding.UTF8, leaveOpen: true);
            if (binary.ReadString() != Magic || binary.ReadString() != key)
            {
                return null;
            }

            var reader = new SnapshotReader(binary);
            var rules = reader.List(() => new RuleSource(reader.String(), reader.String()).AsBuiltInForDiagnosis() with { Model = reader.Rule() });
            var regexes = reader.List(() => (Pattern: reader.String(), AnyOf: reader.Strings(), AllOf: reader.Strings(), Groups: reader.Strings()));
            foreach (var (pattern, anyOf, allOf, groups) in regexes)
            {
                RegexLiterals.Prime(pattern, anyOf, allOf);
                LazyRegex.Prime(pattern, groups);
            }

            return rules;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Names the format and its version: a snapshot of another shape of the rule model is never read.</summary>
    private const string Magic = "kb rule snapshot 1";
}
