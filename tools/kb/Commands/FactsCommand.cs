using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb facts &lt;bundle&gt;`: shows what kb reads from a bundle, before any rule runs.</summary>
internal static class FactsCommand
{
    public static Command Create()
    {
        var bundleArgument = CommonOptions.Inputs();
        var stdinAs = CommonOptions.StdinAs();
        var jsonOption = new Option<bool>("--json") { Description = "Print the facts themselves, one JSON object per line (see docs/facts.md)." };
        var matchOption = new Option<string[]>("--match")
        {
            Description = "Keep only log records containing this literal (repeatable); without it every record is kept.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("facts", "Show what kb recognises in a bundle: layout, files, log formats and facts.");
        command.Arguments.Add(bundleArgument);
        command.Options.Add(jsonOption);
        command.Options.Add(stdinAs);
        command.Options.Add(matchOption);
        command.SetAction(parseResult =>
        {
            var path = CommonOptions.Paths(parseResult.GetValue(bundleArgument)!, parseResult.GetValue(stdinAs));
            var literals = parseResult.GetValue(matchOption) ?? [];
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                using var bundle = Bundle.Open(path, standardInput: CommonOptions.StandardInput);
                var json = parseResult.GetValue(jsonOption);
                // The JSON lists every record as written; the summary counts facts as kb diagnose reads them,
                // identical records collapsed, and says how many records the repeats stand for.
                var plan = BuildPlan(literals, collapse: !json);
                return json ? PrintJson(bundle, plan, output, error) : PrintSummary(bundle, plan, output);
            }
            catch (BundleException ex)
            {
                error.WriteLine($"kb facts: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static ScanPlan BuildPlan(string[] literals, bool collapse)
    {
        if (literals.Length == 0 && !collapse)
        {
            return ScanPlan.KeepAll;
        }

        var builder = ScanPlan.CreateBuilder();
        for (var i = 0; i < literals.Length; i++)
        {
            builder.AddLiteral($"match{i + 1}", literals[i]);
        }

        if (literals.Length == 0)
        {
            builder.KeepAllRecords();
        }

        if (!collapse)
        {
            builder.KeepRepeats();
        }

        return builder.Build();
    }

    private static int PrintJson(Bundle bundle, ScanPlan plan, TextWriter output, TextWriter error)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 12);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var writer = new Utf8JsonWriter(buffer, options);
        var stream = bundle.Scan(plan);
        foreach (var fact in stream)
        {
            FactJsonWriter.Write(writer, fact);
            writer.Flush();
            output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
            writer.Reset();
        }
        output.Flush();
        foreach (var diagnostic in stream.Summary.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning))
        {
            error.WriteLine(diagnostic);
        }

        return 0;
    }

    private static int PrintSummary(Bundle bundle, ScanPlan plan, TextWriter output)
    {
        var stream = bundle.Scan(plan);
        foreach (var _ in stream)
        {
        }
        var summary = stream.Summary;
        var meta = summary.Bundle;
        output.WriteLine($"bundle     {bundle.Name}");
        output.WriteLine($"layout     {meta.Layout}{(meta.Platform is null ? "" : $" (platform {meta.Platform})")}");
        output.WriteLine($"hosts      {(meta.Hosts.Count == 0 ? "-" : string.Join(", ", meta.Hosts))}");
        output.WriteLine($"collected  {(meta.CollectedAt?.ToString("yyyy-MM-dd HH:mm:ss zzz") ?? "-")}");
        output.WriteLine($"files      {summary.Files} ({summary.BinaryFiles} binary), {summary.LogLines} log lines read in {summary.Elapsed.TotalSeconds:0.00} s");
        output.WriteLine($"formats    {Join(summary.Formats.OrderByDescending(f => f.Value).ThenBy(f => f.Key).Select(f => $"{f.Key} ×{f.Value}"))}");
        output.WriteLine($"facts      {Join(summary.FactsByKind.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}");
        if (summary.RepeatedFacts > 0)
        {
            output.WriteLine($"repeats    {summary.RepeatedFacts} log facts stand for {summary.RepeatedFacts + summary.CollapsedRecords} identical records (a crash loop?); --json lists every record");
        }

        if (summary.PatternCounts.Count > 0)
        {
            output.WriteLine($"matches    {Join(plan.Patterns.Select(p => $"'{p.Text}' {summary.PatternCounts[p.Id]}"))}");
        }

        var diagnostics = summary.Diagnostics;
        if (diagnostics.Count > 0)
        {
            output.WriteLine($"notes      {diagnostics.Count}");
            foreach (var diagnostic in diagnostics)
            {
                output.WriteLine($"  {diagnostic}");
            }
        }
        return 0;
    }

    private static string Join(IEnumerable<string> parts) => string.Join(", ", parts) is { Length: > 0 } joined ? joined : "-";
}
